// Kafka: the segmented bytes stores behind RocksDBWindowStore / InMemoryWindowStore / *SessionStore
import type { Serializer } from '../../serdes/serde.js';
import type { KeyValue } from '../key-value.js';
import type { KeyValueBytesStore } from '../key-value-bytes-store.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { StateStore } from '../state-store.js';
import type { StateStoreContext } from '../state-store-context.js';
import type { WindowedBytesStore } from '../windowed-bytes-store.js';
import { compareKeys, keyBytes, keyString } from './byte-keys.js';
import { IndexedBytesStore } from './indexed-bytes-store.js';
import { KeyListIterator } from './key-list-iterator.js';
import { MappedIterator } from './mapped-iterator.js';
import { withRestoreListener } from './restore-listener.js';
import { SESSION_KEY_SCHEMA, type StoreKeySchema } from './store-key-schema.js';
import { TimeIndex } from './time-index.js';

/**
 * The backend of window and session stores: a key-value bytes backend (in-memory or
 * LevelDB) holding composite keys, plus a time index of those keys. The store tracks the
 * largest time written (`observedStreamTime`); an entry whose time is at or before
 * `observedStreamTime - retentionPeriod` is expired: writes of expired entries are dropped
 * (counted in `expiredRecordsTotal`) and expired entries are deleted from the backend as time
 * advances, without a changelog record (the changelog's `retention.ms` drops them there).
 *
 * Choice (DESIGN.md, "Processors see synchronous stores"): like the key-value stores, the
 * backend keeps every composite key in memory (the LevelDB backend loads them at `init`), so
 * per-key range reads (`findSessions`, sliding windows) are synchronous index walks. Window
 * stores hold only the windows within retention, which bounds that memory; per-key
 * residency would add an async load step before each chunk of records and is not needed
 * at these sizes.
 */
export class TimeIndexedBytesStore implements WindowedBytesStore {
  readonly name: string;
  private readonly index = new TimeIndex();
  private observedStreamTime = -1;
  /** Writes dropped because their window had already expired (Kafka counts them as dropped records). */
  expiredRecordsTotal = 0;

  /** Segment length of time-ordered stores (Kafka's default `max(retention / 2, 60 s)`); 0 = exact expiry. */
  private readonly segmentInterval: number;
  /** Scans by time in Kafka's RocksDB order (`segmentedOrder`) rather than time order. */
  private readonly segmented: boolean;
  readonly compareFetchOrder: (a: string, b: string) => number;

  constructor(
    private readonly inner: KeyValueBytesStore,
    readonly schema: StoreKeySchema,
    readonly retentionPeriod: number,
    /**
     * Kafka's time-ordered stores (emit on window close): entries are dropped a segment at a
     * time, so a window or session can still be read (and emitted) just after it closed,
     * which with the default retention is the moment it expires.
     */
    readonly timeOrdered = false,
  ) {
    this.name = inner.name;
    const kafkaSegment = Math.max(Math.floor(retentionPeriod / 2), 60_000);
    this.segmentInterval = timeOrdered ? kafkaSegment : 0;
    // Kafka's RocksDB window stores scan by time segment by segment, in key byte order within
    // one; its in-memory and time-ordered stores in time order. (Its plain RocksDB session
    // store has no scan by time; ours scans in time order.)
    this.segmented = inner.persistent() && !timeOrdered && schema !== SESSION_KEY_SCHEMA;
    this.compareFetchOrder = this.segmented ? segmentedOrder(schema, kafkaSegment) : schema.compareTimeOrder;
  }

  async init(context: StateStoreContext, root: StateStore): Promise<void> {
    await this.inner.init(
      withRestoreListener(context, (records) => {
        for (const r of records) this.indexWrite(keyString(r.key), r.value !== null);
        this.expire();
      }),
      root,
    );
    for (const key of this.existingKeys()) this.indexWrite(key, true);
    this.expire();
  }

  get(key: Buffer): Buffer | null {
    return this.schema.time(keyString(key)) < this.minLiveForReads() ? null : this.inner.get(key);
  }

  put(key: Buffer, value: Buffer | null): void {
    const k = keyString(key);
    const time = this.schema.time(k);
    if (time > this.observedStreamTime) this.observedStreamTime = time;
    if (this.isExpired(time)) {
      this.expiredRecordsTotal++;
      return;
    }
    this.inner.put(key, value);
    this.indexWrite(k, value !== null);
    this.expire();
  }

  putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    const old = this.get(key);
    if (old === null) this.put(key, value);
    return old;
  }

  putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    for (const e of entries) this.put(e.key, e.value);
  }

  delete(key: Buffer): Buffer | null {
    const old = this.get(key);
    if (old !== null) {
      this.put(key, null);
    } else {
      // Removing what is not there still moves the observed time, as in Kafka's segmented stores.
      const time = this.schema.time(keyString(key));
      if (time > this.observedStreamTime) {
        this.observedStreamTime = time;
        this.expire();
      }
    }
    return old;
  }

  range(from: Buffer | null, to: Buffer | null): KeyValueIterator<Buffer, Buffer> {
    return this.live(this.inner.range(from, to));
  }

  reverseRange(from: Buffer | null, to: Buffer | null): KeyValueIterator<Buffer, Buffer> {
    return this.live(this.inner.reverseRange(from, to));
  }

  all(): KeyValueIterator<Buffer, Buffer> {
    return this.inner.all();
  }

  reverseAll(): KeyValueIterator<Buffer, Buffer> {
    return this.inner.reverseAll();
  }

  prefixScan<P>(prefix: P, prefixKeySerializer: Serializer<P>): KeyValueIterator<Buffer, Buffer> {
    return this.inner.prefixScan(prefix, prefixKeySerializer);
  }

  fetchByTime(from: number, to: number, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    // Scans by time (emitting closed windows) see a time-ordered store's sessions until their
    // segment is dropped, as Kafka's `fetchSessions`.
    const minLive = this.timeOrdered && this.schema === SESSION_KEY_SCHEMA ? this.minLiveSegmentStart() : this.minLiveForReads();
    const keys = this.index.keysBetween(Math.max(from, minLive), to, this.schema.compareTimeOrder, reverse && !this.segmented);
    if (this.segmented) keys.sort(reverse ? (a, b) => this.compareFetchOrder(b, a) : this.compareFetchOrder);
    return new KeyListIterator(this.name, keys, (k) => this.inner.get(keyBytes(k)));
  }

  approximateNumEntries(): number {
    return this.inner.approximateNumEntries();
  }

  flush(): void {
    this.inner.flush();
  }

  async close(): Promise<void> {
    this.index.clear();
    await this.inner.close();
  }

  persistent(): boolean {
    return this.inner.persistent();
  }

  isOpen(): boolean {
    return this.inner.isOpen();
  }

  /**
   * The earliest time a read by key (`get`, `range`) returns. Time-ordered stores keep whole
   * segments, but read their windows as gone below observed - retention (inclusive, Kafka's
   * time-first window schema) and their sessions below observed - retention + 1, as the other
   * stores (which delete what expired at once).
   */
  private minLiveForReads(): number {
    const windowsOfTimeOrdered = this.timeOrdered && this.schema !== SESSION_KEY_SCHEMA;
    return this.observedStreamTime - this.retentionPeriod + (windowsOfTimeOrdered ? 0 : 1);
  }

  /** `inner` without what reads treat as gone (time-ordered stores still hold it). */
  private live(inner: KeyValueIterator<Buffer, Buffer>): KeyValueIterator<Buffer, Buffer> {
    if (!this.timeOrdered) return inner;
    const minLive = this.minLiveForReads();
    return new MappedIterator(this.name, inner, (key, value) => (this.schema.time(keyString(key)) >= minLive ? { key, value } : null));
  }

  /** Whether writes treat `time` as gone (time-ordered stores: its segment was dropped). */
  private isExpired(time: number): boolean {
    if (!this.timeOrdered) return time <= this.observedStreamTime - this.retentionPeriod;
    return time < this.minLiveSegmentStart();
  }

  /** Start of the oldest segment still live (time-ordered stores). */
  private minLiveSegmentStart(): number {
    const minLive = this.observedStreamTime - this.retentionPeriod;
    return Math.floor(minLive / this.segmentInterval) * this.segmentInterval;
  }

  private indexWrite(key: string, present: boolean): void {
    const time = this.schema.time(key);
    if (present) {
      this.index.add(time, key);
      if (time > this.observedStreamTime) this.observedStreamTime = time;
    } else {
      this.index.remove(time, key);
    }
  }

  /** Deletes entries that fell out of retention (from the backend only: no changelog record). */
  private expire(): void {
    const minLive = this.timeOrdered ? this.minLiveSegmentStart() : this.observedStreamTime - this.retentionPeriod + 1;
    if (this.index.minTime >= minLive) return;
    this.index.expireBefore(minLive, (key) => this.inner.put(keyBytes(key), null));
  }

  private existingKeys(): Iterable<string> {
    if (this.inner instanceof IndexedBytesStore) return this.inner.keyStrings();
    const keys: string[] = [];
    for (const { key } of this.inner.all()) keys.push(keyString(key));
    return keys;
  }
}

/** Kafka's RocksDB scan order: by segment of `interval` ms, then composite key bytes. */
function segmentedOrder(schema: StoreKeySchema, interval: number): (a: string, b: string) => number {
  return (a, b) => Math.floor(schema.time(a) / interval) - Math.floor(schema.time(b) / interval) || compareKeys(a, b);
}
