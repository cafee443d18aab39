// Kafka: TimeWindowedKStream
import type { EmitStrategy } from '../windows/emit-strategy.js';
import type { Windowed } from '../windows/windowed.js';
import type { Initializer, Reducer } from './functions.js';
import type { KTable } from './ktable.js';
import type { Materialized } from './materialized.js';
import type { Named } from './named.js';

/**
 * A grouped stream windowed by `TimeWindows` (tumbling, hopping) or `SlidingWindows`.
 * Aggregations are stateful: a timestamped window store (named by `Materialized`, else
 * generated; retention = window size + grace unless `withRetention`) with a
 * `compact,delete` changelog, after a repartition when the grouping needs one. Results are
 * a table keyed by `Windowed<K>`; records later than the window's grace are dropped and
 * counted.
 */
export interface TimeWindowedKStream<K, V> {
  /** Counts records per key and window (`Serdes.Long()` values). */
  count(named?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<Windowed<K>, number>;
  /** Combines the values of each key and window; the first value starts the result. */
  reduce(reducer: Reducer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V>;
  /** Folds the values of each key and window into an aggregate started by `initializer`. */
  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA>;
  /** When results are emitted: on every update (default) or once per window when it closes. */
  emitStrategy(emitStrategy: EmitStrategy): TimeWindowedKStream<K, V>;
}
