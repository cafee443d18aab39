// Kafka: CogroupedKStream
import type { Aggregator, Initializer } from './functions.js';
import type { KGroupedStream } from './kgrouped-stream.js';
import type { KTable } from './ktable.js';
import type { Materialized } from './materialized.js';
import type { Named } from './named.js';
import type { SessionWindowedCogroupedKStream, TimeWindowedCogroupedKStream } from './windowed-cogrouped-kstream.js';
import type { SessionWindows } from '../windows/session-windows.js';
import type { SlidingWindows } from '../windows/sliding-windows.js';
import type { TimeWindows } from '../windows/time-windows.js';

/**
 * Grouped streams aggregated together: each input has its own aggregator, all share one
 * initializer and one store. The inputs must be co-partitioned.
 *
 * @example
 * clicks.groupByKey().cogroup(addClick).cogroup(views.groupByKey(), addView).aggregate(() => ({ clicks: 0, views: 0 }))
 */
export interface CogroupedKStream<K, VOut> {
  /** Adds another grouped stream with its aggregator. */
  cogroup<VIn>(groupedStream: KGroupedStream<K, VIn>, aggregator: Aggregator<K, VIn, VOut>): CogroupedKStream<K, VOut>;
  /** Windows the cogroup: one window (or session) store for all inputs. */
  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedCogroupedKStream<K, VOut>;
  windowedBy(windows: SessionWindows): SessionWindowedCogroupedKStream<K, VOut>;
  /** Aggregates all inputs into one table. */
  aggregate(initializer: Initializer<VOut>, named?: Named | Materialized<K, VOut>, materialized?: Materialized<K, VOut>): KTable<K, VOut>;
}
