// Kafka: WindowStoreBuilder + TimestampedWindowStoreBuilder
import type { TimestampedWindowStore, WindowStore } from '../window-store.js';
import type { WindowBytesStoreSupplier, WindowedBytesStore } from '../windowed-bytes-store.js';
import { CachingWindowedBytesStore } from '../layers/caching-windowed-bytes-store.js';
import {
  ChangeLoggingTimestampedWindowedBytesStore,
  ChangeLoggingWindowedBytesStore,
} from '../layers/change-logging-windowed-bytes-store.js';
import { MeteredTimestampedWindowStore } from '../layers/metered-timestamped-window-store.js';
import { MeteredWindowStore } from '../layers/metered-window-store.js';
import type { StoreBuilderOptions } from './abstract-store-builder.js';
import { AbstractWindowedStoreBuilder } from './abstract-windowed-store-builder.js';

/** `metered(caching?(logging?(supplier.get())))` over the bytes store of a window supplier. */
function layered(supplier: WindowBytesStoreSupplier, options: StoreBuilderOptions, timestamped: boolean): WindowedBytesStore {
  let store = supplier.get();
  if (options.loggingEnabled) store = timestamped ? new ChangeLoggingTimestampedWindowedBytesStore(store) : new ChangeLoggingWindowedBytesStore(store);
  // As in Kafka, a store that keeps duplicates is never cached (the cache would collapse them).
  if (options.cachingEnabled && !supplier.retainDuplicates) store = new CachingWindowedBytesStore(store);
  return store;
}

/**
 * Builds `WindowStore<K, V>` instances. Changelogs are `compact,delete` with `retention.ms`
 * = store retention + 1 day.
 */
export class WindowStoreBuilder<K, V> extends AbstractWindowedStoreBuilder<WindowStore<K, V>, WindowStoreBuilder<K, V>, WindowBytesStoreSupplier, K, V> {
  build(): MeteredWindowStore<K, V> {
    const s = this.supplier;
    return new MeteredWindowStore(layered(s, this, false), s.windowSize, s.retainDuplicates, s.metricsScope, this.keySerde, this.valueSerde);
  }

  protected copy(options: StoreBuilderOptions): WindowStoreBuilder<K, V> {
    return new WindowStoreBuilder(this.supplier, this.keySerde, this.valueSerde, options);
  }
}

/** Builds `TimestampedWindowStore<K, V>` instances (the DSL's window stores). */
export class TimestampedWindowStoreBuilder<K, V> extends AbstractWindowedStoreBuilder<
  TimestampedWindowStore<K, V>,
  TimestampedWindowStoreBuilder<K, V>,
  WindowBytesStoreSupplier,
  K,
  V
> {
  build(): MeteredTimestampedWindowStore<K, V> {
    const s = this.supplier;
    return new MeteredTimestampedWindowStore(layered(s, this, true), s.windowSize, s.retainDuplicates, s.metricsScope, this.keySerde, this.valueSerde);
  }

  protected copy(options: StoreBuilderOptions): TimestampedWindowStoreBuilder<K, V> {
    return new TimestampedWindowStoreBuilder(this.supplier, this.keySerde, this.valueSerde, options);
  }
}
