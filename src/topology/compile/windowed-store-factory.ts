// Kafka: WindowStoreMaterializer / SlidingWindowStoreMaterializer / SessionStoreMaterializer (build)
import type { Serde } from '../../serdes/serde.js';
import { Stores, timeOrderedSessionSupplier, timeOrderedWindowSupplier } from '../../state/stores.js';
import type { StoreBuilder } from '../../state/store-builder.js';
import type { SessionBytesStoreSupplier, WindowBytesStoreSupplier } from '../../state/windowed-bytes-store.js';
import type { DslStoreType } from '../graph/store-spec.js';
import type { WindowedStoreSpec } from '../graph/windowed-store-spec.js';

/**
 * The store builder of a DSL window or session store: a timestamped window store or a
 * session store on the chosen backend, with the windowed changelog configs
 * (`compact,delete`, retention + 1 day) and caching/logging as the spec says.
 */
export function buildWindowedDslStore(spec: WindowedStoreSpec, keySerde: Serde<any> | null, valueSerde: Serde<any> | null, defaultType: DslStoreType): StoreBuilder<any> {
  const inMemory = (spec.storeType ?? defaultType) === 'in-memory';
  if (spec.kind === 'session') {
    const supplier =
      (spec.supplier as SessionBytesStoreSupplier | null) ??
      (spec.timeOrdered
        ? timeOrderedSessionSupplier(spec.name, spec.retentionPeriod, inMemory)
        : inMemory
          ? Stores.inMemorySessionStore(spec.name, spec.retentionPeriod)
          : Stores.persistentSessionStore(spec.name, spec.retentionPeriod));
    let builder = Stores.sessionStoreBuilder(supplier, keySerde, valueSerde);
    builder = spec.loggingEnabled ? builder.withLoggingEnabled(spec.logConfig) : builder.withLoggingDisabled();
    return spec.cachingEnabled ? builder.withCachingEnabled() : builder.withCachingDisabled();
  }
  const supplier =
    (spec.supplier as WindowBytesStoreSupplier | null) ??
    (spec.timeOrdered
      ? timeOrderedWindowSupplier(spec.name, spec.retentionPeriod, spec.windowSize, inMemory)
      : inMemory
        ? Stores.inMemoryWindowStore(spec.name, spec.retentionPeriod, spec.windowSize, false)
        : Stores.persistentTimestampedWindowStore(spec.name, spec.retentionPeriod, spec.windowSize, false));
  let builder = Stores.timestampedWindowStoreBuilder(supplier, keySerde, valueSerde);
  builder = spec.loggingEnabled ? builder.withLoggingEnabled(spec.logConfig) : builder.withLoggingDisabled();
  return spec.cachingEnabled ? builder.withCachingEnabled() : builder.withCachingDisabled();
}
