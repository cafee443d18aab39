import type { Serde } from '../../serdes/serde.js';
import type { Windowed } from '../../windows/windowed.js';
import type { CachedStateStore, CacheFlushListener } from '../cached-state-store.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { StateStore } from '../state-store.js';
import type { StateStoreContext } from '../state-store-context.js';
import type { WindowedBytesStore } from '../windowed-bytes-store.js';
import { defaultSerde } from '../internals/default-serde.js';
import { MappedIterator } from '../internals/mapped-iterator.js';
import { StoreMetrics } from './store-metrics.js';
import { StoreSerdes } from './metered-serdes.js';
import { isCachedStateStore } from './wrapped-key-value-bytes-store.js';

/**
 * What the typed outer layers of window and session stores share: serdes, metrics,
 * lifecycle, cache-flush forwarding as `Windowed` keys and key-bounded ranges. Store keys
 * are `key + suffix` with a fixed-size suffix; subclasses say how a suffix reads as a window.
 */
export abstract class MeteredWindowedStore<K, V> implements CachedStateStore<Windowed<K>, V> {
  readonly name: string;
  readonly metrics: StoreMetrics;
  protected readonly serdes: StoreSerdes<K, V>;
  /** A suffix above every real one: `key + maxSuffix` bounds the key's store keys. */
  private readonly maxSuffix: Buffer;

  constructor(
    readonly wrapped: WindowedBytesStore,
    suffixSize: number,
    metricsScope: string,
    private readonly keySerde: Serde<K> | null,
    private readonly valueSerde: Serde<V> | null,
  ) {
    this.name = wrapped.name;
    this.metrics = new StoreMetrics(wrapped.name, metricsScope);
    this.serdes = new StoreSerdes(wrapped.name);
    this.maxSuffix = Buffer.alloc(suffixSize, 0xff);
  }

  init(context: StateStoreContext, root: StateStore): void | Promise<void> {
    this.serdes.init(context, this.keySerde, this.resolveValueSerde(context));
    return this.wrapped.init(context, root);
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

  /** The serde of values as stored (the timestamped window store wraps the user's). */
  protected resolveValueSerde(context: StateStoreContext): Serde<V> {
    return this.valueSerde ?? (defaultSerde(context, 'value', this.name) as Serde<V>);
  }

  /** The typed key and window of a store key. */
  protected abstract windowedKey(storeKey: Buffer): Windowed<K>;

  /** The serialized user key of a store key. */
  protected abstract keyBytesOf(storeKey: Buffer): Buffer;

  /** Whether a store key's window falls in the time bounds of a range query (their meaning is the subclass's). */
  protected abstract inTimeRange(storeKey: Buffer, timeA: number, timeB: number): boolean;

  /** Whether `storeKey` belongs to the key `keyBytes`: range bounds also cover longer keys that start with it. */
  protected isOfKey(storeKey: Buffer, keyBytes: Buffer): boolean {
    return storeKey.length === keyBytes.length + this.maxSuffix.length && keyBytes.compare(storeKey, 0, keyBytes.length) === 0;
  }

  /** The entries whose key is in [keyFrom, keyTo] (null: unbounded) and whose window is in the time bounds. */
  protected keyRange(keyFrom: K | null, keyTo: K | null, timeA: number, timeB: number, reverse: boolean): KeyValueIterator<Windowed<K>, V> {
    this.metrics.ranges++;
    const from = keyFrom === null ? null : this.serdes.keyBytes(keyFrom);
    const to = keyTo === null ? null : this.serdes.keyBytes(keyTo);
    const upper = to === null ? null : this.maxStoreKey(to);
    const inner = reverse ? this.wrapped.reverseRange(from, upper) : this.wrapped.range(from, upper);
    return new MappedIterator(this.name, inner, (storeKey, value) => {
      if (!this.inTimeRange(storeKey, timeA, timeB)) return null;
      const keyBytes = this.keyBytesOf(storeKey);
      if ((from !== null && Buffer.compare(keyBytes, from) < 0) || (to !== null && Buffer.compare(keyBytes, to) > 0)) return null;
      return { key: this.windowedKey(storeKey), value: this.serdes.value(value) as V };
    });
  }

  /** Every entry whose window the wrapped store files under [timeFrom, timeTo]. */
  protected byTime(timeFrom: number, timeTo: number, reverse: boolean): KeyValueIterator<Windowed<K>, V> {
    this.metrics.ranges++;
    const inner = this.wrapped.fetchByTime(timeFrom, timeTo, reverse);
    return new MappedIterator(this.name, inner, (storeKey, value) => ({ key: this.windowedKey(storeKey), value: this.serdes.value(value) as V }));
  }

  /** The upper bound of a key's store keys. */
  protected maxStoreKey(keyBytes: Buffer): Buffer {
    return Buffer.concat([keyBytes, this.maxSuffix]);
  }
}
