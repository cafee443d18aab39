// Kafka: KeyValueStoreMaterializer
import type { Serde } from '../../serdes/serde.js';
import { Stores } from '../../state/stores.js';
import type { StoreBuilder } from '../../state/store-builder.js';
import type { DslStoreType, StoreSpec } from '../graph/store-spec.js';

/**
 * The store builder of a DSL store: a timestamped key-value store on the chosen backend,
 * caching and logging as the spec says (both on by default for DSL stores). `noChangelog`
 * turns logging off for a table restored from its source topic.
 */
export function buildDslStore(
  spec: StoreSpec,
  keySerde: Serde<any> | null,
  valueSerde: Serde<any> | null,
  defaultType: DslStoreType,
  noChangelog = false,
): StoreBuilder<any> {
  const type = spec.storeType ?? defaultType;
  const supplier =
    spec.supplier ?? (type === 'in-memory' ? Stores.inMemoryKeyValueStore(spec.name) : Stores.persistentTimestampedKeyValueStore(spec.name));
  let builder = Stores.timestampedKeyValueStoreBuilder(supplier, keySerde, valueSerde);
  builder = spec.loggingEnabled && !noChangelog ? builder.withLoggingEnabled(spec.logConfig) : builder.withLoggingDisabled();
  return spec.cachingEnabled ? builder.withCachingEnabled() : builder.withCachingDisabled();
}
