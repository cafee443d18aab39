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
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { WindowStore, WindowStoreIterator } from '../window-store.js';
import type { WindowedBytesStore } from '../windowed-bytes-store.js';
import { MappedIterator } from '../internals/mapped-iterator.js';
import { MeteredWindowedStore } from './metered-windowed-store.js';

/**
 * The typed outer layer of a window store: serializes keys and values, builds the composite
 * store keys (`key + start + seqnum`) and turns composite-key ranges back into windows.
 * Stores that keep duplicates number each put (seqnum) and ignore null values.
 */
export class MeteredWindowStore<K, V> extends MeteredWindowedStore<K, V> implements WindowStore<K, V> {
  private seqnum = 0;

  constructor(
    wrapped: WindowedBytesStore,
    readonly windowSize: number,
    readonly retainDuplicates: boolean,
    metricsScope: string,
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
  ) {
    super(wrapped, STORE_SUFFIX_SIZE, metricsScope, keySerde, valueSerde);
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

  protected windowedKey(storeKey: Buffer): Windowed<K> {
    const start = storeKeyStart(storeKey);
    return new Windowed(this.serdes.key(storeKeyBytes(storeKey)), new TimeWindow(start, timeWindowEnd(start, this.windowSize)));
  }

  protected keyBytesOf(storeKey: Buffer): Buffer {
    return storeKeyBytes(storeKey);
  }

  /** Window start in [timeFrom, timeTo]. */
  protected inTimeRange(storeKey: Buffer, timeFrom: number, timeTo: number): boolean {
    const start = storeKeyStart(storeKey);
    return start >= timeFrom && start <= timeTo;
  }

  private keyWindows(key: K, timeFrom: number, timeTo: number, reverse: boolean): WindowStoreIterator<V> {
    this.metrics.ranges++;
    const keyBytes = this.serdes.keyBytes(key);
    const lower = windowStoreKeyBinary(keyBytes, Math.max(0, timeFrom), 0);
    const upper = windowStoreKeyBinary(keyBytes, Math.min(timeTo, MAX_TIME), 0xffffffff);
    const inner = reverse ? this.wrapped.reverseRange(lower, upper) : this.wrapped.range(lower, upper);
    return new MappedIterator(this.name, inner, (storeKey, value) =>
      this.isOfKey(storeKey, keyBytes) ? { key: storeKeyStart(storeKey), value: this.serdes.value(value) as V } : null,
    );
  }
}
