// Kafka: CachingWindowStore / CachingSessionStore (the record cache over composite keys)
import type { KeyValue } from '../key-value.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { WindowedBytesStore } from '../windowed-bytes-store.js';
import type { StoreKeySchema } from '../internals/store-key-schema.js';
import { keyString } from '../internals/byte-keys.js';
import type { KeyBounds } from '../internals/sorted-key-index.js';
import { CachingKeyValueStore, type CacheEntry } from './caching-key-value-store.js';
import { MergedSortedCacheIterator } from './merged-sorted-cache-iterator.js';
import { MappedIterator } from '../internals/mapped-iterator.js';

/**
 * The record cache of window and session stores: `CachingKeyValueStore` over composite keys
 * (so flushes, eviction and the shared task budget are the key-value cache's), plus what
 * windowed reads need: per-key range reads only look at the dirty entries of that key
 * (a session merge or sliding-window update per record must not scan every dirty entry),
 * and time-ordered reads merge the dirty entries in time order.
 */
export class CachingWindowedBytesStore extends CachingKeyValueStore implements WindowedBytesStore {
  readonly schema: StoreKeySchema;
  readonly retentionPeriod: number;
  /** The largest time written through this layer (the store below learns it only on flush). */
  private observedStreamTime = -1;
  /** Composite keys written since the last flush, by base key (some may be clean again). */
  private readonly written = new Map<string, Set<string>>();

  constructor(wrapped: WindowedBytesStore) {
    super(wrapped);
    this.schema = wrapped.schema;
    this.retentionPeriod = wrapped.retentionPeriod;
  }

  override get(key: Buffer): Buffer | null {
    return this.isExpired(keyString(key)) ? null : super.get(key);
  }

  override put(key: Buffer, value: Buffer | null): void {
    if (this.observe(keyString(key))) return;
    super.put(key, value);
    this.noteWrite(keyString(key));
  }

  override putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    if (this.observe(keyString(key))) return null;
    const old = super.putIfAbsent(key, value);
    if (old === null) this.noteWrite(keyString(key));
    return old;
  }

  override putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    for (const e of entries) this.put(e.key, e.value);
  }

  override delete(key: Buffer): Buffer | null {
    if (this.observe(keyString(key))) return null;
    const old = super.delete(key);
    this.noteWrite(keyString(key));
    return old;
  }

  override flushCache(): void {
    super.flushCache();
    this.written.clear();
  }

  override close(): void | Promise<void> {
    this.written.clear();
    return super.close();
  }

  fetchByTime(timeFrom: number, to: number, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    this.checkOpen();
    const schema = this.schema;
    const from = Math.max(timeFrom, this.observedStreamTime - this.retentionPeriod + 1);
    const dirty: CacheEntry[] = [];
    this.forEachDirty((entry) => {
      const time = schema.time(entry.k);
      if (time >= from && time <= to) dirty.push(entry);
    });
    dirty.sort((a, b) => (reverse ? schema.compareTimeOrder(b.k, a.k) : schema.compareTimeOrder(a.k, b.k)));
    const stored = (this.wrapped as WindowedBytesStore).fetchByTime(from, to, reverse);
    const compare = (a: Buffer, b: Buffer): number => schema.compareTimeOrder(a.toString('latin1'), b.toString('latin1'));
    return new MergedSortedCacheIterator(this.name, dirty, stored, reverse, compare);
  }

  /** Range reads skip entries that expired while only this layer knew the newer time. */
  protected override merged(stored: KeyValueIterator<Buffer, Buffer>, b: KeyBounds, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    const merged = super.merged(stored, b, reverse);
    return new MappedIterator(this.name, merged, (key, value) => (this.isExpired(key.toString('latin1')) ? null : { key, value }));
  }

  protected override dirtyInRange(b: KeyBounds, visit: (entry: CacheEntry) => void): void {
    const { lower, upper } = b;
    const suffix = this.schema.suffixSize;
    if (lower === null || upper === null || lower.length !== upper.length || lower.length < suffix) {
      super.dirtyInRange(b, visit);
      return;
    }
    const base = lower.slice(0, lower.length - suffix);
    if (upper.slice(0, upper.length - suffix) !== base) {
      super.dirtyInRange(b, visit);
      return;
    }
    const keys = this.written.get(base);
    if (keys === undefined) return;
    for (const k of keys) {
      const entry = this.cache.get(k);
      if (entry === undefined || !entry.dirty || k < lower || (b.upperInclusive ? k > upper : k >= upper)) continue;
      visit(entry);
    }
  }

  /**
   * Advances the observed time with a write of `k`; true when `k` is already expired, in
   * which case the write is dropped (as the store below would drop it).
   */
  private observe(k: string): boolean {
    const time = this.schema.time(k);
    if (time > this.observedStreamTime) this.observedStreamTime = time;
    return time <= this.observedStreamTime - this.retentionPeriod;
  }

  private isExpired(k: string): boolean {
    return this.schema.time(k) <= this.observedStreamTime - this.retentionPeriod;
  }

  private noteWrite(k: string): void {
    const base = this.schema.baseKey(k);
    let keys = this.written.get(base);
    if (keys === undefined) this.written.set(base, (keys = new Set()));
    keys.add(k);
  }
}
