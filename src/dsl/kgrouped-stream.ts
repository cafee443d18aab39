// Kafka: KGroupedStream
import type { Aggregator, Initializer, Reducer } from './functions.js';
import type { CogroupedKStream } from './cogrouped-kstream.js';
import type { KTable } from './ktable.js';
import type { Materialized } from './materialized.js';
import type { Named } from './named.js';
import type { SessionWindowedKStream } from './session-windowed-kstream.js';
import type { TimeWindowedKStream } from './time-windowed-kstream.js';
import type { SessionWindows } from '../windows/session-windows.js';
import type { SlidingWindows } from '../windows/sliding-windows.js';
import type { TimeWindows } from '../windows/time-windows.js';

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
  /**
   * Windows the grouped stream for windowed aggregations: `TimeWindows` (tumbling, hopping)
   * or `SlidingWindows` give a `TimeWindowedKStream`, `SessionWindows` a `SessionWindowedKStream`.
   *
   * @example clicks.groupByKey().windowedBy(TimeWindows.ofSizeAndGrace(60_000, 10_000)).count()
   */
  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedKStream<K, V>;
  windowedBy(windows: SessionWindows): SessionWindowedKStream<K, V>;
  /** Starts a cogroup: several grouped streams aggregated into one table with one store. */
  cogroup<VOut>(aggregator: Aggregator<K, V, VOut>): CogroupedKStream<K, VOut>;
}
