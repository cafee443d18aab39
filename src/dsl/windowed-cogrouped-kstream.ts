// Kafka: TimeWindowedCogroupedKStream, SessionWindowedCogroupedKStream
import type { Windowed } from '../windows/windowed.js';
import type { Initializer, Merger } from './functions.js';
import type { KTable } from './ktable.js';
import type { Materialized } from './materialized.js';
import type { Named } from './named.js';

/** A cogroup windowed by `TimeWindows` or `SlidingWindows`: one window store for all inputs. */
export interface TimeWindowedCogroupedKStream<K, V> {
  aggregate(initializer: Initializer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V>;
}

/** A cogroup windowed by `SessionWindows`: one session store for all inputs. */
export interface SessionWindowedCogroupedKStream<K, V> {
  aggregate(initializer: Initializer<V>, merger: Merger<K, V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V>;
}
