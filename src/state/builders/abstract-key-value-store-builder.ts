import type { Serde } from '../../serdes/serde.js';
import type { KeyValueBytesStoreSupplier } from '../key-value-bytes-store.js';
import type { StateStore } from '../state-store.js';
import { AbstractStoreBuilder, DEFAULT_BUILDER_OPTIONS, type StoreBuilderOptions } from './abstract-store-builder.js';

/**
 * What the key-value store builders (plain and timestamped) share: the bytes supplier, the
 * serdes and the PAPI defaults (logging on, caching off). Subclasses stack the layers in `build`.
 */
export abstract class AbstractKeyValueStoreBuilder<S extends StateStore, B extends AbstractKeyValueStoreBuilder<S, B, K, V>, K, V> extends AbstractStoreBuilder<S, B> {
  constructor(
    readonly supplier: KeyValueBytesStoreSupplier,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    options: StoreBuilderOptions = DEFAULT_BUILDER_OPTIONS,
  ) {
    super(supplier.name, options);
  }
}
