// Kafka: TimestampedKeyValueStoreBuilder
import type { TimestampedKeyValueStore } from '../timestamped-key-value-store.js';
import { CachingKeyValueStore } from '../layers/caching-key-value-store.js';
import { ChangeLoggingTimestampedKeyValueBytesStore } from '../layers/change-logging-timestamped-key-value-bytes-store.js';
import { MeteredTimestampedKeyValueStore } from '../layers/metered-timestamped-key-value-store.js';
import type { StoreBuilderOptions } from './abstract-store-builder.js';
import { AbstractKeyValueStoreBuilder } from './abstract-key-value-store-builder.js';

/**
 * Builds timestamped key-value stores: `metered(caching?(logging?(supplier.get())))` with
 * values stored as `timestamp(8) + value` and raw values in the changelog. Any bytes
 * supplier works (Java adapts non-timestamped persistent suppliers and drops timestamps;
 * our backends store the timestamped layout as it is).
 */
export class TimestampedKeyValueStoreBuilder<K, V> extends AbstractKeyValueStoreBuilder<
  TimestampedKeyValueStore<K, V>,
  TimestampedKeyValueStoreBuilder<K, V>,
  K,
  V
> {
  build(): MeteredTimestampedKeyValueStore<K, V> {
    let store = this.supplier.get();
    if (this.loggingEnabled) store = new ChangeLoggingTimestampedKeyValueBytesStore(store);
    if (this.cachingEnabled) store = new CachingKeyValueStore(store);
    return new MeteredTimestampedKeyValueStore(store, this.supplier.metricsScope, this.keySerde, this.valueSerde);
  }

  protected copy(options: StoreBuilderOptions): TimestampedKeyValueStoreBuilder<K, V> {
    return new TimestampedKeyValueStoreBuilder(this.supplier, this.keySerde, this.valueSerde, options);
  }
}
