// Kafka: TimeOrderedKeyValueBuffer
import type { StateStore } from './state-store.js';
import type { RecordContext } from './state-store-context.js';

/** A buffered change leaving the buffer: key, the change's new and old value, and where it came from. */
export interface BufferEviction<K, V> {
  readonly key: K;
  readonly newValue: V | null;
  readonly oldValue: V | null;
  readonly recordContext: RecordContext;
}

/**
 * The store behind `suppress()`: the latest change per key, ordered by a buffer time (record
 * time or window end), evicted oldest first. A key buffered again keeps its place in the
 * order (the timer is not reset).
 */
export interface TimeOrderedKeyValueBuffer<K, V> extends StateStore {
  /** Buffers `key`'s change at `time` (or replaces the buffered one, keeping its time). */
  put(time: number, key: K, newValue: V | null, oldValue: V | null, recordContext: RecordContext): void;
  /** Removes entries oldest first while `predicate()` holds, passing each to `callback` before removing it. */
  evictWhile(predicate: () => boolean, callback: (eviction: BufferEviction<K, V>) => void): void;
  /** Buffered keys. */
  numRecords(): number;
  /** Estimated bytes buffered. */
  bufferSize(): number;
  /** The smallest buffer time, or +Infinity when empty. */
  minTimestamp(): number;
}
