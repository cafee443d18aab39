import type { StateStore } from './state-store.js';
import type { KeyValue } from './key-value.js';
import type { KeyValueIterator } from './key-value-iterator.js';

/** Read-only view of a key-value store (interactive queries, value getters). */
export interface ReadOnlyKeyValueStore<K, V> {
  /** The value for `key`, or null. */
  get(key: K): V | null;
  /** Entries with `from <= key <= to` in key-byte order; null bounds are open. */
  range(from: K | null, to: K | null): KeyValueIterator<K, V>;
  /** Like `range`, in descending order. */
  reverseRange(from: K | null, to: K | null): KeyValueIterator<K, V>;
  /** Every entry in key-byte order. */
  all(): KeyValueIterator<K, V>;
  /** Every entry in descending key-byte order. */
  reverseAll(): KeyValueIterator<K, V>;
  /** Entries whose serialized key starts with the serialized `prefix`. */
  prefixScan<P>(prefix: P, prefixKeySerializer: import('../serdes/serde.js').Serializer<P>): KeyValueIterator<K, V>;
  /** An estimate of the number of entries. */
  approximateNumEntries(): number;
}

/**
 * A key-value state store. Reads are synchronous; writes are buffered per task and reach
 * the backend at checkpoint time. A null value deletes the key.
 */
export interface KeyValueStore<K, V> extends StateStore, ReadOnlyKeyValueStore<K, V> {
  put(key: K, value: V | null): void;
  /** Puts only when absent; returns the previous value (null when it was absent). */
  putIfAbsent(key: K, value: V | null): V | null;
  putAll(entries: readonly KeyValue<K, V | null>[]): void;
  /** Deletes and returns the old value. */
  delete(key: K): V | null;
}
