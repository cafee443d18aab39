// Kafka: ReadOnlyWindowStore, WindowStore, WindowStoreIterator, TimestampedWindowStore
import type { Windowed } from '../windows/windowed.js';
import type { KeyValueIterator } from './key-value-iterator.js';
import type { StateStore } from './state-store.js';
import type { ValueAndTimestamp } from './value-and-timestamp.js';

/** Iterates one key's windows: keys are window start times (epoch ms), ascending unless backward. */
export type WindowStoreIterator<V> = KeyValueIterator<number, V>;

/**
 * Read-only view of a window store (interactive queries). Time bounds are inclusive and
 * refer to window start times. Entries older than the store's retention are never returned.
 */
export interface ReadOnlyWindowStore<K, V> {
  /** The value of `key`'s window starting at `windowStart`, or null. */
  fetch(key: K, windowStart: number): V | null;
  /** `key`'s windows starting in `[timeFrom, timeTo]`, by start time. */
  fetch(key: K, timeFrom: number, timeTo: number): WindowStoreIterator<V>;
  /** Windows of keys in `[keyFrom, keyTo]` (serialized byte order; null = open) starting in `[timeFrom, timeTo]`. */
  fetch(keyFrom: K | null, keyTo: K | null, timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V>;
  /** Like `fetch(key, timeFrom, timeTo)`, latest window first. */
  backwardFetch(key: K, timeFrom: number, timeTo: number): WindowStoreIterator<V>;
  /** Like the key-range `fetch`, in reverse order. */
  backwardFetch(keyFrom: K | null, keyTo: K | null, timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V>;
  /**
   * Every window starting in `[timeFrom, timeTo]`. In Kafka's order: by start time, then key
   * bytes, for in-memory stores; for persistent (LevelDB) stores by segment of
   * `max(retention / 2, 60 s)`, then key bytes, then start time (RocksDB's order).
   */
  fetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V>;
  /** Like `fetchAll`, latest first. */
  backwardFetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V>;
  /** Every window, in `fetchAll`'s order. */
  all(): KeyValueIterator<Windowed<K>, V>;
  /** Every window, latest first. */
  backwardAll(): KeyValueIterator<Windowed<K>, V>;
}

/**
 * A store of values per key and window (`WindowStore` in Kafka). Reads are synchronous.
 * Windows are identified by their start time; the store keeps them for its retention
 * period (measured against the largest window start it has seen) and then drops them.
 */
export interface WindowStore<K, V> extends StateStore, ReadOnlyWindowStore<K, V> {
  /** Writes `key`'s window starting at `windowStart`; null deletes it (stores that keep duplicates ignore null). */
  put(key: K, value: V | null, windowStart: number): void;
}

/** A window store whose values carry the timestamp of the record that last updated them (the DSL's). */
export type TimestampedWindowStore<K, V> = WindowStore<K, ValueAndTimestamp<V>>;
