import type { Serde } from '../serdes/serde.js';
import type { DslStoreType } from '../topology/graph/store-spec.js';

/**
 * What `StreamBuilder.build(config)` reads; an application's `StreamsConfig` can be passed
 * as is (other keys are ignored).
 */
export interface BuildConfig {
  /** Serde for keys wherever the topology gives none. Without it, such a topology does not build. */
  readonly defaultKeySerde?: Serde<any> | null;
  /** Serde for values wherever the topology gives none. */
  readonly defaultValueSerde?: Serde<any> | null;
  /**
   * `'none'` (default), `'all'`, or a comma list of `reuse.ktable.source.topics`,
   * `merge.repartition.topics`, `single.store.self.join`.
   */
  readonly topologyOptimization?: string;
  /** Fail where a store, changelog or repartition topic would get a generated name (KIP-1111). */
  readonly ensureExplicitInternalResourceNaming?: boolean;
  /** Backend of DSL stores without a supplier: `'persistent'` (LevelDB, default) or `'in-memory'`. */
  readonly defaultDslStore?: DslStoreType;
  readonly [key: string]: unknown;
}
