// Kafka: MaterializedInternal
import type { Serde } from '../../serdes/serde.js';
import type { StoreSpec } from '../../topology/graph/store-spec.js';
import type { Materialized } from '../materialized.js';
import type { DslGraphBuilder } from './dsl-graph-builder.js';

/** A parsed `Materialized`: a store spec whose name may still be missing (never generated). */
export type MaterializedInternal = Omit<StoreSpec, 'name'> & { readonly name: string | null };

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
  };
}

/** The store spec of a parsed `Materialized` whose name was generated or given. */
export function toStoreSpec(m: MaterializedInternal, serdes?: { keySerde?: Serde<any> | null; valueSerde?: Serde<any> | null }): StoreSpec {
  if (m.name === null) throw new Error('A store spec needs a name.');
  return Object.freeze({
    ...m,
    name: m.name,
    keySerde: m.keySerde ?? serdes?.keySerde ?? null,
    valueSerde: m.valueSerde ?? serdes?.valueSerde ?? null,
  });
}
