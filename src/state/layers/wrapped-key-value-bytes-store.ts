// Kafka: WrappedStateStore
import type { Serializer } from '../../serdes/serde.js';
import type { CachedStateStore, CacheFlushListener } from '../cached-state-store.js';
import type { KeyValue } from '../key-value.js';
import type { KeyValueBytesStore } from '../key-value-bytes-store.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { StateStore } from '../state-store.js';
import type { StateStoreContext } from '../state-store-context.js';

/** Whether `store` can hold a record cache (has `setFlushListener`). */
export function isCachedStateStore(store: object): store is CachedStateStore<Buffer, Buffer> {
  return typeof (store as Partial<CachedStateStore<Buffer, Buffer>>).setFlushListener === 'function';
}

/** A bytes-store layer that forwards everything to `wrapped`; layers override what they add. */
export abstract class WrappedKeyValueBytesStore implements KeyValueBytesStore, CachedStateStore<Buffer, Buffer> {
  readonly name: string;

  constructor(readonly wrapped: KeyValueBytesStore) {
    this.name = wrapped.name;
  }

  init(context: StateStoreContext, root: StateStore): void | Promise<void> {
    return this.wrapped.init(context, root);
  }

  get(key: Buffer): Buffer | null {
    return this.wrapped.get(key);
  }

  put(key: Buffer, value: Buffer | null): void {
    this.wrapped.put(key, value);
  }

  putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    return this.wrapped.putIfAbsent(key, value);
  }

  putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    this.wrapped.putAll(entries);
  }

  delete(key: Buffer): Buffer | null {
    return this.wrapped.delete(key);
  }

  range(from: Buffer | null, to: Buffer | null): KeyValueIterator<Buffer, Buffer> {
    return this.wrapped.range(from, to);
  }

  reverseRange(from: Buffer | null, to: Buffer | null): KeyValueIterator<Buffer, Buffer> {
    return this.wrapped.reverseRange(from, to);
  }

  all(): KeyValueIterator<Buffer, Buffer> {
    return this.wrapped.all();
  }

  reverseAll(): KeyValueIterator<Buffer, Buffer> {
    return this.wrapped.reverseAll();
  }

  prefixScan<P>(prefix: P, prefixKeySerializer: Serializer<P>): KeyValueIterator<Buffer, Buffer> {
    return this.wrapped.prefixScan(prefix, prefixKeySerializer);
  }

  approximateNumEntries(): number {
    return this.wrapped.approximateNumEntries();
  }

  flush(): void {
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

  setFlushListener(listener: CacheFlushListener<Buffer, Buffer>, sendOldValues: boolean): boolean {
    return isCachedStateStore(this.wrapped) ? this.wrapped.setFlushListener(listener, sendOldValues) : false;
  }

  flushCache(): void {
    if (isCachedStateStore(this.wrapped)) this.wrapped.flushCache();
  }
}
