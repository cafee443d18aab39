import type { Serde } from '../../serdes/serde.js';
import type { DslStoreType } from '../graph/store-spec.js';

/** What the compiler needs from the build config, already parsed. */
export interface CompileConfig {
  readonly defaultKeySerde: Serde<any> | null;
  readonly defaultValueSerde: Serde<any> | null;
  readonly defaultDslStore: DslStoreType;
  readonly ensureExplicitInternalResourceNaming: boolean;
}
