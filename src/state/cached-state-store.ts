import type { RecordContext } from './state-store-context.js';

/**
 * Called for each dirty entry a caching store writes down on flush or eviction, with the
 * record context of the write that produced it. `oldValue` is only set when the listener
 * was registered with `sendOldValues` (Java's `Change(newValue, oldValue)`).
 */
export type CacheFlushListener<K, V> = (key: K, newValue: V | null, oldValue: V | null, context: RecordContext) => void;

/** A store that may hold a record cache (Java's `CachedStateStore`). */
export interface CachedStateStore<K, V> {
  /** Registers the flush listener; returns whether a cache is actually present. */
  setFlushListener(listener: CacheFlushListener<K, V>, sendOldValues: boolean): boolean;
  /** Writes dirty cache entries down (forwarding them) without flushing the store below. */
  flushCache(): void;
}
