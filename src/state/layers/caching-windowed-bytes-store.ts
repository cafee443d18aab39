// Kafka: CachingWindowStore / CachingSessionStore (the record cache over composite keys)
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { WindowedBytesStore } from '../windowed-bytes-store.js';
import type { StoreKeySchema } from '../internals/store-key-schema.js';
import type { KeyBounds } from '../internals/sorted-key-index.js';
import { CachingKeyValueStore, type CacheEntry } from './caching-key-value-store.js';
import { MergedSortedCacheIterator } from './merged-sorted-cache-iterator.js';

/**
 * The record cache of window and session stores: `CachingKeyValueStore` over composite keys
 * (so flushes, eviction and the shared task budget are the key-value cache's), plus what
 * windowed reads need: per-key range reads only look at the cached entries of that key
 * (a session merge or sliding-window update per record must not scan the whole cache),
 * and reads by time merge the cached entries in the store's `compareFetchOrder`.
 *
 * As in Kafka, the cache knows nothing of retention: a window still in the cache is served
 * (and merged, for sessions) after the store below has expired it, until evicted. Kafka's
 * cached session aggregations depend on this, so the DSL's output matches theirs.
 */
export class CachingWindowedBytesStore extends CachingKeyValueStore implements WindowedBytesStore {
  readonly schema: StoreKeySchema;
  readonly retentionPeriod: number;
  readonly compareFetchOrder: (a: string, b: string) => number;
  /** Every cached entry (clean or dirty) by base key. */
  private readonly byBase = new Map<string, Set<CacheEntry>>();

  constructor(wrapped: WindowedBytesStore) {
    super(wrapped);
    this.schema = wrapped.schema;
    this.retentionPeriod = wrapped.retentionPeriod;
    this.compareFetchOrder = wrapped.compareFetchOrder;
  }

  override close(): void | Promise<void> {
    const closed = super.close();
    this.byBase.clear();
    return closed;
  }

  fetchByTime(from: number, to: number, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    this.checkOpen();
    const schema = this.schema;
    const cached: CacheEntry[] = [];
    for (const entry of this.cache.values()) {
      const time = schema.time(entry.k);
      if (time >= from && time <= to) cached.push(entry);
    }
    const order = this.compareFetchOrder;
    cached.sort((a, b) => (reverse ? order(b.k, a.k) : order(a.k, b.k)));
    const stored = (this.wrapped as WindowedBytesStore).fetchByTime(from, to, reverse);
    const compare = (a: Buffer, b: Buffer): number => order(a.toString('latin1'), b.toString('latin1'));
    return new MergedSortedCacheIterator(this.name, cached.map((e) => ({ key: e.key, value: e.value })), stored, reverse, compare);
  }

  protected override entryAdded(entry: CacheEntry): void {
    const base = this.schema.baseKey(entry.k);
    let entries = this.byBase.get(base);
    if (entries === undefined) this.byBase.set(base, (entries = new Set()));
    entries.add(entry);
  }

  protected override entryRemoved(entry: CacheEntry): void {
    const base = this.schema.baseKey(entry.k);
    const entries = this.byBase.get(base);
    if (entries === undefined) return;
    entries.delete(entry);
    if (entries.size === 0) this.byBase.delete(base);
  }

  /** Clean entries too: they may still hold windows the store below has already expired. */
  protected override cachedInRange(b: KeyBounds, visit: (entry: CacheEntry) => void): void {
    const { lower, upper } = b;
    const inBounds = (k: string): boolean => (lower === null || k >= lower) && (upper === null || (b.upperInclusive ? k <= upper : k < upper));
    const suffix = this.schema.suffixSize;
    const base = lower !== null && upper !== null && lower.length === upper.length && lower.length >= suffix ? lower.slice(0, lower.length - suffix) : null;
    if (base !== null && upper!.slice(0, upper!.length - suffix) === base) {
      for (const entry of this.byBase.get(base) ?? []) if (inBounds(entry.k)) visit(entry);
      return;
    }
    for (const entry of this.cache.values()) if (inBounds(entry.k)) visit(entry);
  }
}
