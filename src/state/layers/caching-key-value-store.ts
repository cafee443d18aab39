// Kafka: CachingKeyValueStore (with the parts of NamedCache/ThreadCache it uses)
import { ProcessorStateError } from '../../errors/processor-state-error.js';
import type { Serializer } from '../../serdes/serde.js';
import type { CacheFlushListener } from '../cached-state-store.js';
import type { KeyValue } from '../key-value.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { RecordContext, StateStoreContext } from '../state-store-context.js';
import type { StateStore } from '../state-store.js';
import { BUFFER_SERIALIZER, compareKeys, keyString, offerKeyString, prefixUpperBound } from '../internals/byte-keys.js';
import { ClockHand } from '../internals/clock-hand.js';
import { rangeBounds, type KeyBounds } from '../internals/sorted-key-index.js';
import { MergedSortedCacheIterator, type CachedPair } from './merged-sorted-cache-iterator.js';
import { WrappedKeyValueBytesStore } from './wrapped-key-value-bytes-store.js';

/** A cached key (exported for the windowed caching layer). */
export interface CacheEntry {
  readonly key: Buffer;
  /** `key` in string form (the map key). */
  readonly k: string;
  value: Buffer | null;
  dirty: boolean;
  /** Context of the write that made the entry dirty (null while clean). */
  context: RecordContext | null;
  size: number;
  /** Read or written since the clock hand last passed (second-chance eviction). */
  referenced: boolean;
  /** Index of the entry's latest append to `dirtyLog`. */
  seq: number;
  /**
   * `value` decoded, when the typed layer above kept it (`rememberTyped`): the value part;
   * undefined when nothing is kept. Every write resets it.
   */
  memoValue: unknown;
  /** The timestamp part of `value` decoded (timestamped stores), beside `memoValue`. */
  memoTime: number;
}

/** Rough bytes per entry besides key and value (entry object, Map slots, string header). */
const ENTRY_OVERHEAD = 96;

/**
 * Bytes held by the caching stores of one task, keyed by the task's context: like Java's
 * ThreadCache the budget (`context.cacheMaxBytes`) is shared, and a store that pushes the
 * total over it evicts from itself.
 */
const taskCacheBytes = new WeakMap<StateStoreContext, { bytes: number }>();

/**
 * A record cache in front of a bytes store: collapses repeated writes of a key between
 * flushes, serves reads, and on `flush()` (every commit) or eviction writes dirty entries to
 * the layer below in the order they were last written, calling the flush listener for each
 * with the entry's record context (how the DSL forwards a KTable's `Change(new, old)`).
 *
 * Eviction is LRU-ish (`ClockHand`): a read or write only sets a `referenced` bit, and the
 * hand gives referenced entries a second chance. That keeps a hit at one Map lookup; Java's
 * exact LRU would need two more per access. As in Java, evicting a dirty entry flushes all
 * of this store's dirty entries, the evicted one first.
 *
 * Flush order is the order of each key's latest write (Java's `dirtyKeys`), kept as an
 * append-only log of entries with each entry's latest position (`seq`), compacted when it
 * grows to twice the dirty entries: one array push per write instead of a Set delete+add.
 * Range reads merge the dirty entries in range (collected and sorted per call, so they cost
 * O(dirty entries)) with the store below.
 */
export class CachingKeyValueStore extends WrappedKeyValueBytesStore {
  protected readonly cache = new Map<string, CacheEntry>();
  private readonly clock = new ClockHand(this.cache);
  /** Dirty entries in write order; an entry counts at its latest position only (`seq`). */
  private dirtyLog: CacheEntry[] = [];
  /**
   * Entries of `dirtyLog` in use; those past it are stale. A flush of one entry (the test
   * driver commits after every record) resets this instead of the array, whose capacity
   * would otherwise be reallocated on the next write.
   */
  private dirtyLogLength = 0;
  /**
   * The entry last read or written (null once it leaves the cache): a processor's
   * `put(k, f(get(k)))` then costs one Map lookup, not two.
   */
  private lastEntry: CacheEntry | null = null;
  /**
   * The key Buffer of that read or write. Flushing the entry passes it down rather than
   * `entry.key`: it has the same bytes, and being recent it is still in the CPU cache where
   * the layers below read it (`keyString`), while `entry.key` may be ~10k writes old.
   */
  private lastKey: Buffer | null = null;
  private dirtyCount = 0;
  private ownBytes = 0;
  private shared = { bytes: 0 };
  private maxBytes = 0;
  private context: StateStoreContext | null = null;
  private listener: CacheFlushListener<Buffer, Buffer> | null = null;
  private sendOldValues = false;
  // Arguments of the write-down in progress, so `withRecordContext` gets a bound function
  // rather than a new closure per flushed entry.
  private downKey: Buffer = Buffer.alloc(0);
  private downNew: Buffer | null = null;
  private downOld: Buffer | null = null;
  private downContext: RecordContext | null = null;
  /** The entry being written down (what `memoFor` answers for during the listener call). */
  private flushing: CacheEntry | null = null;

  override init(context: StateStoreContext, root: StateStore): void | Promise<void> {
    this.context = context;
    this.maxBytes = context.cacheMaxBytes;
    let shared = taskCacheBytes.get(context);
    if (shared === undefined) taskCacheBytes.set(context, (shared = { bytes: 0 }));
    this.shared = shared;
    return this.wrapped.init(context, root);
  }

  override setFlushListener(listener: CacheFlushListener<Buffer, Buffer>, sendOldValues: boolean): boolean {
    this.listener = listener;
    this.sendOldValues = sendOldValues;
    return true;
  }

  override get(key: Buffer): Buffer | null {
    this.checkOpen();
    return this.getInternal(key, keyString(key));
  }

  override put(key: Buffer, value: Buffer | null): void {
    this.checkOpen();
    this.putDirty(key, keyString(key), value);
  }

  override putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    this.checkOpen();
    const k = keyString(key);
    const old = this.getInternal(key, k);
    if (old === null) this.putDirty(key, k, value);
    return old;
  }

  override putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    this.checkOpen();
    for (const e of entries) this.putDirty(e.key, keyString(e.key), e.value);
  }

  override delete(key: Buffer): Buffer | null {
    this.checkOpen();
    const k = keyString(key);
    const old = this.getInternal(key, k);
    this.putDirty(key, k, null);
    return old;
  }

  override range(from: Buffer | null, to: Buffer | null): KeyValueIterator<Buffer, Buffer> {
    return this.merged(this.wrapped.range(from, to), rangeBounds(from, to), false);
  }

  override reverseRange(from: Buffer | null, to: Buffer | null): KeyValueIterator<Buffer, Buffer> {
    return this.merged(this.wrapped.reverseRange(from, to), rangeBounds(from, to), true);
  }

  override all(): KeyValueIterator<Buffer, Buffer> {
    return this.merged(this.wrapped.all(), rangeBounds(null, null), false);
  }

  override reverseAll(): KeyValueIterator<Buffer, Buffer> {
    return this.merged(this.wrapped.reverseAll(), rangeBounds(null, null), true);
  }

  override prefixScan<P>(prefix: P, prefixKeySerializer: Serializer<P>): KeyValueIterator<Buffer, Buffer> {
    const bytes = prefixKeySerializer.serialize('', prefix);
    if (bytes === null) throw new ProcessorStateError(`Store ${this.name}: the prefix serialized to null.`);
    const lower = keyString(bytes);
    const stored = this.wrapped.prefixScan(bytes, BUFFER_SERIALIZER);
    return this.merged(stored, { lower, upper: prefixUpperBound(lower), upperInclusive: false }, false);
  }

  override flush(): void {
    this.flushCache();
    this.wrapped.flush();
  }

  override flushCache(): void {
    this.checkOpen();
    this.flushDirty(null);
  }

  override close(): void | Promise<void> {
    try {
      if (this.isOpen()) this.flushDirty(null);
    } finally {
      this.cache.clear();
      this.clock.reset();
      this.lastEntry = null;
      this.dirtyLog = [];
      this.dirtyLogLength = 0;
      this.dirtyCount = 0;
      this.shared.bytes -= this.ownBytes;
      this.ownBytes = 0;
    }
    return this.wrapped.close();
  }

  /**
   * Keeps the decoded form of `value` (a value part and a timestamp part, see `TypedMemo`)
   * on the entry that was just written with `value`: the typed layer above calls this right
   * after `put`. Later reads and the flush of that same value then find it (`memoFor`)
   * instead of decoding the bytes again. Plain fields rather than the decoded object: they
   * are overwritten in place, so keeping them allocates nothing that outlives the record.
   */
  rememberTyped(value: Buffer, memoValue: unknown, memoTime: number): void {
    const entry = this.lastEntry;
    if (entry === null || entry.value !== value) return;
    entry.memoValue = memoValue;
    entry.memoTime = memoTime;
  }

  /**
   * The entry whose kept decoded form belongs to `value`, or null. Answers for the value that
   * the last read returned, or that the flush in progress passes to the listener.
   */
  memoFor(value: Buffer): CacheEntry | null {
    const entry = this.flushing ?? this.lastEntry;
    return entry !== null && entry.value === value && entry.memoValue !== undefined ? entry : null;
  }

  private getInternal(key: Buffer, k: string): Buffer | null {
    const entry = this.cache.get(k);
    if (entry !== undefined) {
      entry.referenced = true;
      this.lastEntry = entry;
      this.lastKey = key;
      return entry.value;
    }
    const value = this.wrapped.get(key);
    if (value !== null) {
      const inserted: CacheEntry = { key, k, value, dirty: false, context: null, size: entrySize(k, value), referenced: false, seq: -1, memoValue: undefined, memoTime: 0 };
      this.insert(inserted);
      this.lastEntry = inserted;
      this.lastKey = key;
      this.maybeEvict();
    }
    return value;
  }

  private putDirty(key: Buffer, k: string, value: Buffer | null): void {
    const last = this.lastEntry;
    let entry = last !== null && last.k === k ? last : this.cache.get(k);
    if (entry === undefined) {
      entry = { key, k, value, dirty: false, context: null, size: entrySize(k, value), referenced: false, seq: -1, memoValue: undefined, memoTime: 0 };
      this.insert(entry);
    } else {
      const size = entrySize(k, value);
      this.account(size - entry.size);
      entry.size = size;
      entry.value = value;
      entry.memoValue = undefined;
      entry.referenced = true;
    }
    if (!entry.dirty) {
      entry.dirty = true;
      this.dirtyCount++;
    }
    entry.context = this.context!.recordContext();
    entry.seq = this.dirtyLogLength;
    this.dirtyLog[this.dirtyLogLength++] = entry;
    if (this.dirtyLogLength > 2 * this.dirtyCount + 1024) this.compactLog();
    this.lastEntry = entry;
    this.lastKey = key;
    this.maybeEvict();
  }

  private insert(entry: CacheEntry): void {
    this.cache.set(entry.k, entry);
    this.entryAdded(entry);
    this.account(entry.size);
  }

  private account(delta: number): void {
    this.ownBytes += delta;
    this.shared.bytes += delta;
  }

  private compactLog(): void {
    const log: CacheEntry[] = [];
    this.forEachDirty((entry) => {
      entry.seq = log.length;
      log.push(entry);
    });
    this.dirtyLog = log;
    this.dirtyLogLength = log.length;
  }

  private maybeEvict(): void {
    while (this.shared.bytes > this.maxBytes && this.cache.size > 0) {
      const victim = this.clock.next()!;
      this.remove(victim);
      if (victim.dirty) this.flushDirty(victim);
    }
  }

  private remove(entry: CacheEntry): void {
    this.cache.delete(entry.k);
    this.entryRemoved(entry);
    this.account(-entry.size);
    if (this.lastEntry === entry) this.lastEntry = null;
  }

  /** Writes dirty entries down (the evicted one first) and calls the listener for each. */
  private flushDirty(evicted: CacheEntry | null): void {
    if (evicted === null && this.dirtyCount === 0) return;
    // A commit after every record (the test driver, small batches) finds one dirty entry.
    if (evicted === null && this.dirtyCount === 1) return this.flushOnly(this.dirtyLog[this.dirtyLogLength - 1]!);
    const entries: CacheEntry[] = [];
    if (evicted !== null) entries.push(evicted);
    this.forEachDirty((entry) => {
      if (entry !== evicted) entries.push(entry);
    });
    // Capture values and mark clean before writing down: the listener may write to this
    // store again (making entries dirty anew).
    const values = entries.map((e) => e.value);
    const contexts = entries.map((e) => e.context!);
    for (const e of entries) {
      e.dirty = false;
      e.context = null;
    }
    this.dirtyLog = [];
    this.dirtyLogLength = 0;
    this.dirtyCount = 0;
    for (let i = 0; i < entries.length; i++) this.writeDown(entries[i]!, entries[i]!.key, values[i]!, contexts[i]!);
    for (const e of entries) this.dropIfDeleted(e);
  }

  /**
   * `flushDirty` of the only dirty entry, without the collecting arrays. It is the log's
   * last entry: every write appends to the log and every flush empties it.
   */
  private flushOnly(entry: CacheEntry): void {
    const value = entry.value;
    const context = entry.context!;
    entry.dirty = false;
    entry.context = null;
    this.dirtyLogLength = 0;
    this.dirtyCount = 0;
    this.writeDown(entry, entry === this.lastEntry ? this.lastKey! : entry.key, value, context);
    this.dropIfDeleted(entry);
  }

  /** A flushed delete leaves the cache (the store below now answers null). */
  private dropIfDeleted(entry: CacheEntry): void {
    if (entry.value === null && !entry.dirty && this.cache.get(entry.k) === entry) this.remove(entry);
  }

  private writeDown(entry: CacheEntry, key: Buffer, newValue: Buffer | null, context: RecordContext): void {
    // The layers below decode `key` again; offering the cached string makes that a byte
    // comparison, and gives them the string their own maps were filled with (an identical
    // string compares in one step).
    offerKeyString(entry.k);
    let oldValue: Buffer | null = null;
    if (this.listener !== null) {
      oldValue = newValue === null || this.sendOldValues ? this.wrapped.get(key) : null;
      // Neither in the cache nor below: nothing to write and nothing to forward (as in Java).
      if (newValue === null && oldValue === null) return;
    }
    this.downKey = key;
    this.downNew = newValue;
    this.downOld = oldValue;
    this.downContext = context;
    const outer = this.flushing;
    this.flushing = entry;
    try {
      this.context!.withRecordContext(context, this.writePending);
    } finally {
      this.flushing = outer;
    }
  }

  private readonly writePending = (): void => {
    const key = this.downKey;
    const newValue = this.downNew;
    this.wrapped.put(key, newValue);
    if (this.listener !== null) this.listener(key, newValue, this.sendOldValues ? this.downOld : null, this.downContext!);
  };

  protected merged(stored: KeyValueIterator<Buffer, Buffer>, b: KeyBounds, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    const inRange: [string, CachedPair][] = [];
    this.cachedInRange(b, (entry) => inRange.push([entry.k, { key: entry.key, value: entry.value }]));
    inRange.sort((x, y) => (reverse ? compareKeys(y[0], x[0]) : compareKeys(x[0], y[0])));
    return new MergedSortedCacheIterator(
      this.name,
      inRange.map((e) => e[1]),
      stored,
      reverse,
    );
  }

  /** A key entered the cache (subclasses index cached keys). */
  protected entryAdded(_entry: CacheEntry): void {}

  /** A key left the cache (eviction, or a flushed delete). */
  protected entryRemoved(_entry: CacheEntry): void {}

  /**
   * Visits the cached entries a range read merges with the store below, within `b` (any
   * order): the dirty ones (a clean entry holds what the store below holds).
   */
  protected cachedInRange(b: KeyBounds, visit: (entry: CacheEntry) => void): void {
    this.forEachDirty((entry) => {
      const k = entry.k;
      if (b.lower !== null && k < b.lower) return;
      if (b.upper !== null && (b.upperInclusive ? k > b.upper : k >= b.upper)) return;
      visit(entry);
    });
  }

  /** Visits dirty entries in the order of their latest write. */
  protected forEachDirty(visit: (entry: CacheEntry) => void): void {
    const log = this.dirtyLog;
    for (let i = 0; i < this.dirtyLogLength; i++) {
      const entry = log[i]!;
      if (entry.dirty && entry.seq === i) visit(entry);
    }
  }

  protected checkOpen(): void {
    if (!this.isOpen()) throw new ProcessorStateError(`Store ${this.name} is not open.`);
  }
}

function entrySize(k: string, value: Buffer | null): number {
  return k.length + ENTRY_OVERHEAD + (value === null ? 0 : value.length);
}
