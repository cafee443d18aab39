// Kafka: MeteredKeyValueStore
import { ProcessorStateError } from '../../errors/processor-state-error.js';
import { SerializationError } from '../../errors/serialization-error.js';
import type { Deserializer, Serde, Serializer } from '../../serdes/serde.js';
import type { CachedStateStore, CacheFlushListener } from '../cached-state-store.js';
import type { KeyValue } from '../key-value.js';
import type { KeyValueBytesStore } from '../key-value-bytes-store.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { KeyValueStore } from '../key-value-store.js';
import type { StateStore } from '../state-store.js';
import type { StateStoreContext } from '../state-store-context.js';
import { BUFFER_SERIALIZER, offerKeyString } from '../internals/byte-keys.js';
import { defaultSerde } from '../internals/default-serde.js';
import { typedMemoOf, type TypedMemo } from '../internals/typed-memo.js';
import { CachingKeyValueStore } from './caching-key-value-store.js';
import { MeteredKeyValueIterator } from './metered-key-value-iterator.js';
import { StoreMetrics } from './store-metrics.js';
import { isCachedStateStore } from './wrapped-key-value-bytes-store.js';

/**
 * The typed outer layer of a key-value store: serializes keys and values (with the
 * changelog topic as the serde's `topic`, as Java does) and counts operations. A null serde
 * falls back to the application's `defaultKeySerde` / `defaultValueSerde`.
 */
export class MeteredKeyValueStore<K, V> implements KeyValueStore<K, V>, CachedStateStore<K, V> {
  readonly name: string;
  readonly metrics: StoreMetrics;
  protected topic = '';
  private keySerializer: Serializer<K> | null = null;
  private keyDeserializer: Deserializer<K> | null = null;
  private valueSerializer: Serializer<V> | null = null;
  private valueDeserializer: Deserializer<V> | null = null;
  // The last primitive key and its bytes: `put(k, f(get(k)))` serializes the key once.
  // Only primitives, which cannot change between calls (an object key could be mutated).
  private lastKey: unknown = undefined;
  private lastKeyBytes: Buffer | null = null;
  /**
   * The record cache below and what it may keep of a written value (see `TypedMemo`), so
   * `put(k, f(get(k)))` and the cache's flush read a cached value without decoding it; null
   * without a cache or for values that must be decoded afresh.
   */
  private memoCache: CachingKeyValueStore | null = null;
  private memo: TypedMemo<V> | null = null;

  constructor(
    readonly wrapped: KeyValueBytesStore,
    metricsScope: string,
    private readonly keySerde: Serde<K> | null,
    private readonly valueSerde: Serde<V> | null,
  ) {
    this.name = wrapped.name;
    this.metrics = new StoreMetrics(wrapped.name, metricsScope);
  }

  init(context: StateStoreContext, root: StateStore): void | Promise<void> {
    this.topic = context.changelogTopic(this.name);
    const keySerde = this.keySerde ?? (defaultSerde(context, 'key', this.name) as Serde<K>);
    const valueSerde = this.resolveValueSerde(context);
    this.keySerializer = keySerde.serializer();
    this.keyDeserializer = keySerde.deserializer();
    this.valueSerializer = valueSerde.serializer();
    this.valueDeserializer = valueSerde.deserializer();
    this.memo = typedMemoOf(this.valueSerializer, this.valueDeserializer);
    this.memoCache = this.memo !== null && this.wrapped instanceof CachingKeyValueStore ? this.wrapped : null;
    return this.wrapped.init(context, root);
  }

  get(key: K): V | null {
    this.metrics.gets++;
    return this.outerValue(this.wrapped.get(this.keyBytes(key)));
  }

  put(key: K, value: V | null): void {
    this.metrics.puts++;
    const bytes = this.valueBytes(value);
    this.wrapped.put(this.keyBytes(key), bytes);
    if (bytes !== null && this.memoCache !== null) this.memoCache.rememberTyped(bytes, this.memo!.valueOf(value!), this.memo!.timeOf(value!));
  }

  putIfAbsent(key: K, value: V | null): V | null {
    this.metrics.putIfAbsents++;
    return this.outerValue(this.wrapped.putIfAbsent(this.keyBytes(key), this.valueBytes(value)));
  }

  putAll(entries: readonly KeyValue<K, V | null>[]): void {
    this.metrics.putAlls++;
    this.wrapped.putAll(entries.map((e) => ({ key: this.keyBytes(e.key), value: this.valueBytes(e.value) })));
  }

  delete(key: K): V | null {
    this.metrics.deletes++;
    return this.outerValue(this.wrapped.delete(this.keyBytes(key)));
  }

  range(from: K | null, to: K | null): KeyValueIterator<K, V> {
    this.metrics.ranges++;
    return this.typed(this.wrapped.range(this.boundBytes(from), this.boundBytes(to)));
  }

  reverseRange(from: K | null, to: K | null): KeyValueIterator<K, V> {
    this.metrics.ranges++;
    return this.typed(this.wrapped.reverseRange(this.boundBytes(from), this.boundBytes(to)));
  }

  all(): KeyValueIterator<K, V> {
    this.metrics.ranges++;
    return this.typed(this.wrapped.all());
  }

  reverseAll(): KeyValueIterator<K, V> {
    this.metrics.ranges++;
    return this.typed(this.wrapped.reverseAll());
  }

  prefixScan<P>(prefix: P, prefixKeySerializer: Serializer<P>): KeyValueIterator<K, V> {
    this.metrics.prefixScans++;
    const bytes = prefixKeySerializer.serialize(this.topic, prefix);
    if (bytes === null) throw new SerializationError(`Store ${this.name}: the prefix serialized to null.`);
    return this.typed(this.wrapped.prefixScan(bytes, BUFFER_SERIALIZER));
  }

  approximateNumEntries(): number {
    return this.wrapped.approximateNumEntries();
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

  /** Deserializes what the cache flushes; returns false (listener unused) without a cache. */
  setFlushListener(listener: CacheFlushListener<K, V>, sendOldValues: boolean): boolean {
    if (!isCachedStateStore(this.wrapped)) return false;
    return this.wrapped.setFlushListener(
      (key, newValue, oldValue, context) =>
        listener(this.keyDeserializer!.deserialize(this.topic, key) as K, this.outerValue(newValue), this.outerValue(oldValue), context),
      sendOldValues,
    );
  }

  flushCache(): void {
    if (isCachedStateStore(this.wrapped)) this.wrapped.flushCache();
  }

  /** The serde for values as stored (the timestamped store wraps the user's serde). */
  protected resolveValueSerde(context: StateStoreContext): Serde<V> {
    return this.valueSerde ?? (defaultSerde(context, 'value', this.name) as Serde<V>);
  }

  private keyBytes(key: K): Buffer {
    if (key === this.lastKey && this.lastKeyBytes !== null) return this.lastKeyBytes;
    const serializer = this.keySerializer;
    if (serializer === null) throw new ProcessorStateError(`Store ${this.name} is not initialized.`);
    const bytes = serializer.serialize(this.topic, key);
    if (bytes === null) throw new SerializationError(`Store ${this.name}: a key may not be null.`);
    if (typeof key !== 'object' && typeof key !== 'function') {
      this.lastKey = key;
      this.lastKeyBytes = bytes;
      if (typeof key === 'string') offerKeyString(key);
    }
    return bytes;
  }

  private boundBytes(key: K | null): Buffer | null {
    return key === null ? null : this.keyBytes(key);
  }

  private valueBytes(value: V | null): Buffer | null {
    return value === null ? null : this.valueSerializer!.serialize(this.topic, value);
  }

  private outerValue(bytes: Buffer | null): V | null {
    if (bytes === null) return null;
    if (this.memoCache !== null) {
      const kept = this.memoCache.memoFor(bytes);
      if (kept !== null) return this.memo!.restore(kept.memoValue, kept.memoTime);
    }
    return this.valueDeserializer!.deserialize(this.topic, bytes);
  }

  private typed(inner: KeyValueIterator<Buffer, Buffer>): KeyValueIterator<K, V> {
    return new MeteredKeyValueIterator(inner, this.topic, this.keyDeserializer!, this.valueDeserializer!);
  }
}
