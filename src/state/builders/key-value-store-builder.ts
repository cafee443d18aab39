// Kafka: KeyValueStoreBuilder
import type { KeyValueStore } from '../key-value-store.js';
import { CachingKeyValueStore } from '../layers/caching-key-value-store.js';
import { ChangeLoggingKeyValueBytesStore } from '../layers/change-logging-key-value-bytes-store.js';
import { MeteredKeyValueStore } from '../layers/metered-key-value-store.js';
import type { StoreBuilderOptions } from './abstract-store-builder.js';
import { AbstractKeyValueStoreBuilder } from './abstract-key-value-store-builder.js';

/** Builds `metered(caching?(logging?(supplier.get())))` key-value stores. */
export class KeyValueStoreBuilder<K, V> extends AbstractKeyValueStoreBuilder<KeyValueStore<K, V>, KeyValueStoreBuilder<K, V>, K, V> {
  build(): MeteredKeyValueStore<K, V> {
    let store = this.supplier.get();
    if (this.loggingEnabled) store = new ChangeLoggingKeyValueBytesStore(store);
    if (this.cachingEnabled) store = new CachingKeyValueStore(store);
    return new MeteredKeyValueStore(store, this.supplier.metricsScope, this.keySerde, this.valueSerde);
  }

  protected copy(options: StoreBuilderOptions): KeyValueStoreBuilder<K, V> {
    return new KeyValueStoreBuilder(this.supplier, this.keySerde, this.valueSerde, options);
  }
}
