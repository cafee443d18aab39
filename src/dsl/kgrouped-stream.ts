// Kafka: KGroupedStream
import type { Aggregator, Initializer, Reducer } from './functions.js';
import type { CogroupedKStream } from './cogrouped-kstream.js';
import type { KTable } from './ktable.js';
import type { Materialized } from './materialized.js';
import type { Named } from './named.js';

/**
 * A stream grouped by key, ready to aggregate. Aggregations are stateful: they create a
 * key-value store (named by `Materialized`, else generated) backed by a changelog, and
 * repartition first when the grouping needs it. Records with a null key or value are
 * skipped. The result's timestamp is the max of the input timestamps.
 */
export interface KGroupedStream<K, V> {
  /** Counts records per key. Values are `number` (`Serdes.Long()`). */
  count(named?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<K, number>;
  /** Combines the values of each key; a key's first value is its initial result. */
  reduce(reducer: Reducer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V>;
  /** Folds the values of each key into an aggregate started by `initializer`. */
  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<K, VA>;
  /** Starts a cogroup: several grouped streams aggregated into one table with one store. */
  cogroup<VOut>(aggregator: Aggregator<K, V, VOut>): CogroupedKStream<K, VOut>;
}
