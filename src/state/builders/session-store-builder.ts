// Kafka: SessionStoreBuilder
import type { SessionStore } from '../session-store.js';
import type { SessionBytesStoreSupplier, WindowedBytesStore } from '../windowed-bytes-store.js';
import { CachingWindowedBytesStore } from '../layers/caching-windowed-bytes-store.js';
import { ChangeLoggingWindowedBytesStore } from '../layers/change-logging-windowed-bytes-store.js';
import { MeteredSessionStore } from '../layers/metered-session-store.js';
import type { StoreBuilderOptions } from './abstract-store-builder.js';
import { AbstractWindowedStoreBuilder } from './abstract-windowed-store-builder.js';

/**
 * Builds `SessionStore<K, AGG>` instances: `metered(caching?(logging?(supplier.get())))`.
 * Changelogs are `compact,delete` with `retention.ms` = store retention + 1 day.
 */
export class SessionStoreBuilder<K, AGG> extends AbstractWindowedStoreBuilder<SessionStore<K, AGG>, SessionStoreBuilder<K, AGG>, SessionBytesStoreSupplier, K, AGG> {
  build(): MeteredSessionStore<K, AGG> {
    let store: WindowedBytesStore = this.supplier.get();
    if (this.loggingEnabled) store = new ChangeLoggingWindowedBytesStore(store);
    if (this.cachingEnabled) store = new CachingWindowedBytesStore(store);
    return new MeteredSessionStore(store, this.supplier.metricsScope, this.keySerde, this.valueSerde);
  }

  protected copy(options: StoreBuilderOptions): SessionStoreBuilder<K, AGG> {
    return new SessionStoreBuilder(this.supplier, this.keySerde, this.valueSerde, options);
  }
}
