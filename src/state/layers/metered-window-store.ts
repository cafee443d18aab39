// Kafka: MeteredWindowStore
import type { Serde } from '../../serdes/serde.js';
import { MAX_TIME } from '../../serdes/internal/long-bytes.js';
import {
  STORE_SUFFIX_SIZE,
  storeKeyBytes,
  storeKeyStart,
  timeWindowEnd,
  windowStoreKeyBinary,
} from '../../serdes/internal/window-key-schema.js';
import { TimeWindow } from '../../windows/window.js';
import { Windowed } from '../../windows/windowed.js';
import type { CachedStateStore, CacheFlushListener } from '../cached-state-store.js';
import type { KeyValue } from '../key-value.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { StateStore } from '../state-store.js';
import type { StateStoreContext } from '../state-store-context.js';
import type { WindowStore, WindowStoreIterator } from '../window-store.js';
import type { WindowedBytesStore } from '../windowed-bytes-store.js';
import { defaultSerde } from '../internals/default-serde.js';
import { MappedIterator } from '../internals/mapped-iterator.js';
import { StoreMetrics } from './store-metrics.js';
import { StoreSerdes } from './metered-serdes.js';
import { isCachedStateStore } from './wrapped-key-value-bytes-store.js';

const MAX_SUFFIX = Buffer.alloc(STORE_SUFFIX_SIZE, 0xff);

/**
 * The typed outer layer of a window store: serializes keys and values, builds the composite
 * store keys (`key + start + seqnum`) and turns composite-key ranges back into windows.
 * Stores that keep duplicates number each put (seqnum) and ignore null values.
 */
export class MeteredWindowStore<K, V> implements WindowStore<K, V>, CachedStateStore<Windowed<K>, V> {
  readonly name: string;
  readonly metrics: StoreMetrics;
  protected readonly serdes: StoreSerdes<K, V>;
  private seqnum = 0;

  constructor(
    readonly wrapped: WindowedBytesStore,
    readonly windowSize: number,
    readonly retainDuplicates: boolean,
    metricsScope: string,
    private readonly keySerde: Serde<K> | null,
    private readonly valueSerde: Serde<V> | null,
  ) {
    this.name = wrapped.name;
    this.metrics = new StoreMetrics(wrapped.name, metricsScope);
    this.serdes = new StoreSerdes(wrapped.name);
  }

  init(context: StateStoreContext, root: StateStore): void | Promise<void> {
    this.serdes.init(context, this.keySerde, this.resolveValueSerde(context));
    return this.wrapped.init(context, root);
  }

  put(key: K, value: V | null, windowStart: number): void {
    this.metrics.puts++;
    if (this.retainDuplicates) {
      if (value === null) return;
      this.seqnum = (this.seqnum + 1) & 0x7fffffff;
    }
    this.wrapped.put(windowStoreKeyBinary(this.serdes.keyBytes(key), windowStart, this.seqnum), this.serdes.valueBytes(value));
  }

  fetch(key: K, windowStart: number): V | null;
  fetch(key: K, timeFrom: number, timeTo: number): WindowStoreIterator<V>;
  fetch(keyFrom: K | null, keyTo: K | null, timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V>;
  fetch(a: K | null, b: unknown, c?: number, d?: number): V | null | WindowStoreIterator<V> | KeyValueIterator<Windowed<K>, V> {
    if (d !== undefined) return this.keyRange(a, b as K | null, c!, d, false);
    if (c !== undefined) return this.keyWindows(a as K, b as number, c, false);
    this.metrics.gets++;
    return this.serdes.value(this.wrapped.get(windowStoreKeyBinary(this.serdes.keyBytes(a as K), b as number, 0)));
  }

  backwardFetch(key: K, timeFrom: number, timeTo: number): WindowStoreIterator<V>;
  backwardFetch(keyFrom: K | null, keyTo: K | null, timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V>;
  backwardFetch(a: K | null, b: unknown, c: number, d?: number): WindowStoreIterator<V> | KeyValueIterator<Windowed<K>, V> {
    if (d !== undefined) return this.keyRange(a, b as K | null, c, d, true);
    return this.keyWindows(a as K, b as number, c, true);
  }

  fetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V> {
    return this.byTime(timeFrom, timeTo, false);
  }

  backwardFetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V> {
    return this.byTime(timeFrom, timeTo, true);
  }

  all(): KeyValueIterator<Windowed<K>, V> {
    return this.byTime(0, MAX_TIME, false);
  }

  backwardAll(): KeyValueIterator<Windowed<K>, V> {
    return this.byTime(0, MAX_TIME, true);
  }

  flush(): void {
    this.metrics.flushes++;
    this.wrapped.flush();
  }

  close(): void | Promise<void> {
    return this.wrapped.close();
  }

  persistent(): boolean {
    return this.wrapped.persistent();
  }

  isOpen(): boolean {
    return this.wrapped.isOpen();
  }

  /** Forwards what the cache flushes as `Windowed` keys and typed values; false without a cache. */
  setFlushListener(listener: CacheFlushListener<Windowed<K>, V>, sendOldValues: boolean): boolean {
    if (!isCachedStateStore(this.wrapped)) return false;
    return this.wrapped.setFlushListener(
      (key, newValue, oldValue, context) => listener(this.windowedKey(key), this.serdes.value(newValue), this.serdes.value(oldValue), context),
      sendOldValues,
    );
  }

  flushCache(): void {
    if (isCachedStateStore(this.wrapped)) this.wrapped.flushCache();
  }

  /** The serde of values as stored (the timestamped store wraps the user's). */
  protected resolveValueSerde(context: StateStoreContext): Serde<V> {
    return this.valueSerde ?? (defaultSerde(context, 'value', this.name) as Serde<V>);
  }

  private windowedKey(storeKey: Buffer): Windowed<K> {
    const start = storeKeyStart(storeKey);
    return new Windowed(this.serdes.key(storeKeyBytes(storeKey)), new TimeWindow(start, timeWindowEnd(start, this.windowSize)));
  }

  private keyWindows(key: K, timeFrom: number, timeTo: number, reverse: boolean): WindowStoreIterator<V> {
    this.metrics.ranges++;
    const keyBytes = this.serdes.keyBytes(key);
    const lower = windowStoreKeyBinary(keyBytes, Math.max(0, timeFrom), 0);
    const upper = windowStoreKeyBinary(keyBytes, Math.min(timeTo, MAX_TIME), 0xffffffff);
    const inner = reverse ? this.wrapped.reverseRange(lower, upper) : this.wrapped.range(lower, upper);
    const length = keyBytes.length + STORE_SUFFIX_SIZE;
    return new MappedIterator(this.name, inner, (storeKey, value) => {
      // The bounds may also cover longer keys that start with this one: skip those.
      if (storeKey.length !== length || keyBytes.compare(storeKey, 0, keyBytes.length) !== 0) return null;
      return { key: storeKeyStart(storeKey), value: this.serdes.value(value) as V };
    });
  }

  private keyRange(keyFrom: K | null, keyTo: K | null, timeFrom: number, timeTo: number, reverse: boolean): KeyValueIterator<Windowed<K>, V> {
    this.metrics.ranges++;
    const from = keyFrom === null ? null : this.serdes.keyBytes(keyFrom);
    const to = keyTo === null ? null : this.serdes.keyBytes(keyTo);
    const upper = to === null ? null : Buffer.concat([to, MAX_SUFFIX]);
    const inner = reverse ? this.wrapped.reverseRange(from, upper) : this.wrapped.range(from, upper);
    return new MappedIterator(this.name, inner, (storeKey, value) => this.inRange(storeKey, value, from, to, timeFrom, timeTo));
  }

  private inRange(storeKey: Buffer, value: Buffer, from: Buffer | null, to: Buffer | null, timeFrom: number, timeTo: number): KeyValue<Windowed<K>, V> | null {
    const start = storeKeyStart(storeKey);
    if (start < timeFrom || start > timeTo) return null;
    const keyBytes = storeKeyBytes(storeKey);
    if ((from !== null && Buffer.compare(keyBytes, from) < 0) || (to !== null && Buffer.compare(keyBytes, to) > 0)) return null;
    return { key: this.windowedKey(storeKey), value: this.serdes.value(value) as V };
  }

  private byTime(timeFrom: number, timeTo: number, reverse: boolean): KeyValueIterator<Windowed<K>, V> {
    this.metrics.ranges++;
    const inner = this.wrapped.fetchByTime(timeFrom, timeTo, reverse);
    return new MappedIterator(this.name, inner, (storeKey, value) => ({ key: this.windowedKey(storeKey), value: this.serdes.value(value) as V }));
  }
}
