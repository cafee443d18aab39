// Kafka: SessionStoreBuilder
import type { Serde } from '../../serdes/serde.js';
import type { SessionStore } from '../session-store.js';
import type { SessionBytesStoreSupplier, WindowedBytesStore } from '../windowed-bytes-store.js';
import { CachingWindowedBytesStore } from '../layers/caching-windowed-bytes-store.js';
import { ChangeLoggingWindowedBytesStore } from '../layers/change-logging-windowed-bytes-store.js';
import { MeteredSessionStore } from '../layers/metered-session-store.js';
import { AbstractStoreBuilder, type StoreBuilderOptions } from './abstract-store-builder.js';
import { windowedBuilderOptions, windowedChangelogDefaults } from './windowed-changelog-config.js';

/**
 * Builds `SessionStore<K, AGG>` instances: `metered(caching?(logging?(supplier.get())))`.
 * Changelogs are `compact,delete` with `retention.ms` = store retention + 1 day.
 */
export class SessionStoreBuilder<K, AGG> extends AbstractStoreBuilder<SessionStore<K, AGG>, SessionStoreBuilder<K, AGG>> {
  constructor(
    readonly supplier: SessionBytesStoreSupplier,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<AGG> | null,
    options: StoreBuilderOptions = windowedBuilderOptions(supplier.retentionPeriod),
  ) {
    super(supplier.name, options);
  }

  /** How long the store keeps sessions (ms). */
  get retentionPeriod(): number {
    return this.supplier.retentionPeriod;
  }

  build(): MeteredSessionStore<K, AGG> {
    let store: WindowedBytesStore = this.supplier.get();
    if (this.loggingEnabled) store = new ChangeLoggingWindowedBytesStore(store);
    if (this.cachingEnabled) store = new CachingWindowedBytesStore(store);
    return new MeteredSessionStore(store, this.supplier.metricsScope, this.keySerde, this.valueSerde);
  }

  protected override changelogDefaults(): Readonly<{ [key: string]: string }> {
    return windowedChangelogDefaults(this.supplier.retentionPeriod);
  }

  protected copy(options: StoreBuilderOptions): SessionStoreBuilder<K, AGG> {
    return new SessionStoreBuilder(this.supplier, this.keySerde, this.valueSerde, options);
  }
}
