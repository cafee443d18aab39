// Kafka: SessionWindowedKStream
import type { EmitStrategy } from '../windows/emit-strategy.js';
import type { Windowed } from '../windows/windowed.js';
import type { Initializer, Merger, Reducer } from './functions.js';
import type { KTable } from './ktable.js';
import type { Materialized } from './materialized.js';
import type { Named } from './named.js';

/**
 * A grouped stream windowed by `SessionWindows`. Aggregations are stateful: a session store
 * (named by `Materialized`, else generated; retention = gap + grace unless `withRetention`)
 * with a `compact,delete` changelog. When sessions merge, each replaced session is emitted
 * as a tombstone before the merged one.
 */
export interface SessionWindowedKStream<K, V> {
  /** Counts records per session (`Serdes.Long()` values). */
  count(named?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<Windowed<K>, number>;
  /** Combines the values of each session. */
  reduce(reducer: Reducer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V>;
  /** Folds values into session aggregates; `merger` combines two sessions that merge. */
  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    merger: Merger<K, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA>;
  /** When results are emitted: on every update (default) or once per session when it closes. */
  emitStrategy(emitStrategy: EmitStrategy): SessionWindowedKStream<K, V>;
}
