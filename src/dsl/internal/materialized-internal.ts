// Kafka: MaterializedInternal
import type { Serde } from '../../serdes/serde.js';
import { TopologyError } from '../../errors/topology-error.js';
import type { KeyValueBytesStoreSupplier } from '../../state/key-value-bytes-store.js';
import type { StoreSpec } from '../../topology/graph/store-spec.js';
import type { Materialized, MaterializedStoreSupplier } from '../materialized.js';
import type { DslGraphBuilder } from './dsl-graph-builder.js';

/** A parsed `Materialized`: a store spec whose name may still be missing (never generated). */
export type MaterializedInternal = Omit<StoreSpec, 'name' | 'supplier'> & {
  readonly name: string | null;
  readonly supplier: MaterializedStoreSupplier | null;
  /** `withRetention` (window and session stores), else null. */
  readonly retention: number | null;
};

/**
 * Parses `Materialized`. With a builder, a missing name is generated right away
 * (`<prefix>STATE-STORE-<counter>`), at the same point in the counter as in Kafka.
 */
export function materializedInternal(m: Materialized<any, any>, builder?: DslGraphBuilder, prefix?: string): MaterializedInternal {
  const given = m.storeSupplier?.name ?? m.storeName;
  const name = given ?? (builder !== undefined && prefix !== undefined ? builder.newStoreName(prefix) : null);
  return {
    name,
    generatedName: given === null,
    keySerde: m.keySerde,
    valueSerde: m.valueSerde,
    cachingEnabled: m.cachingEnabled,
    loggingEnabled: m.loggingEnabled,
    logConfig: m.logConfig,
    supplier: m.storeSupplier,
    storeType: m.storeType,
    retention: m.retention,
  };
}

/** The store spec of a parsed `Materialized` whose name was generated or given. */
export function toStoreSpec(m: MaterializedInternal, serdes?: { keySerde?: Serde<any> | null; valueSerde?: Serde<any> | null }): StoreSpec {
  if (m.name === null) throw new Error('A store spec needs a name.');
  const { retention: _retention, ...rest } = m;
  return Object.freeze({
    ...rest,
    supplier: keyValueSupplier(m.supplier, m.name),
    name: m.name,
    keySerde: m.keySerde ?? serdes?.keySerde ?? null,
    valueSerde: m.valueSerde ?? serdes?.valueSerde ?? null,
  });
}

/** The supplier of a key-value store: a window or session supplier is a mistake here. */
function keyValueSupplier(supplier: MaterializedStoreSupplier | null, name: string): KeyValueBytesStoreSupplier | null {
  if (supplier === null || !('kind' in supplier)) return supplier;
  throw new TopologyError([
    {
      code: 'invalid-store-supplier',
      node: name,
      message: `Store "${name}" is a ${supplier.kind} store supplier, but this operator needs a key-value store: use Stores.persistentKeyValueStore / inMemoryKeyValueStore, or a windowed aggregation.`,
    },
  ]);
}
