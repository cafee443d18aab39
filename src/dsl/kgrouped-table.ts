// Kafka: KGroupedTable
import type { Aggregator, Initializer, Reducer } from './functions.js';
import type { KTable } from './ktable.js';
import type { Materialized } from './materialized.js';
import type { Named } from './named.js';

/**
 * A re-grouped table, ready to aggregate. An update calls the subtractor with the old
 * value, then the adder with the new one; a deletion only subtracts. Stateful: creates a
 * key-value store; the repartition topic is named by `Grouped`, else after the store.
 */
export interface KGroupedTable<K, V> {
  /** Counts rows per key. Values are `number` (`Serdes.Long()`). */
  count(named?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<K, number>;
  /** Combines rows with `adder`, removes replaced rows with `subtractor`. */
  reduce(adder: Reducer<V>, subtractor: Reducer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V>;
  /** Aggregates rows with `adder`/`subtractor`, starting each key from `initializer`. */
  aggregate<VA>(
    initializer: Initializer<VA>,
    adder: Aggregator<K, V, VA>,
    subtractor: Aggregator<K, V, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<K, VA>;
}
