// Kafka: KeyValueStoreBuilder
import type { Serde } from '../../serdes/serde.js';
import type { KeyValueBytesStoreSupplier } from '../key-value-bytes-store.js';
import type { KeyValueStore } from '../key-value-store.js';
import { CachingKeyValueStore } from '../layers/caching-key-value-store.js';
import { ChangeLoggingKeyValueBytesStore } from '../layers/change-logging-key-value-bytes-store.js';
import { MeteredKeyValueStore } from '../layers/metered-key-value-store.js';
import { AbstractStoreBuilder, DEFAULT_BUILDER_OPTIONS, type StoreBuilderOptions } from './abstract-store-builder.js';

/** Builds `metered(caching?(logging?(supplier.get())))` key-value stores. */
export class KeyValueStoreBuilder<K, V> extends AbstractStoreBuilder<KeyValueStore<K, V>, KeyValueStoreBuilder<K, V>> {
  constructor(
    readonly supplier: KeyValueBytesStoreSupplier,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    options: StoreBuilderOptions = DEFAULT_BUILDER_OPTIONS,
  ) {
    super(supplier.name, options);
  }

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
