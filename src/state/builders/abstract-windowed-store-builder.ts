import type { Serde } from '../../serdes/serde.js';
import type { StateStore } from '../state-store.js';
import type { SessionBytesStoreSupplier, WindowBytesStoreSupplier } from '../windowed-bytes-store.js';
import { AbstractStoreBuilder, type StoreBuilderOptions } from './abstract-store-builder.js';
import { windowedBuilderOptions, windowedChangelogDefaults } from './windowed-changelog-config.js';

/**
 * What the window and session store builders share: the supplier and serdes, and changelogs
 * that are `compact,delete` with `retention.ms` = store retention + 1 day. Subclasses say
 * how the layers are stacked (`build`) and how to copy themselves.
 */
export abstract class AbstractWindowedStoreBuilder<
  S extends StateStore,
  B extends AbstractWindowedStoreBuilder<S, B, P, K, V>,
  P extends WindowBytesStoreSupplier | SessionBytesStoreSupplier,
  K,
  V,
> extends AbstractStoreBuilder<S, B> {
  constructor(
    readonly supplier: P,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    options: StoreBuilderOptions = windowedBuilderOptions(supplier.retentionPeriod),
  ) {
    super(supplier.name, options);
  }

  /** How long the store keeps windows or sessions (ms). */
  get retentionPeriod(): number {
    return this.supplier.retentionPeriod;
  }

  protected override changelogDefaults(): Readonly<{ [key: string]: string }> {
    return windowedChangelogDefaults(this.supplier.retentionPeriod);
  }
}
