import type { Serde } from '../../serdes/serde.js';
import type { KeyValueBytesStoreSupplier } from '../../state/key-value-bytes-store.js';

/** Which bytes store a DSL store gets when no supplier is given. */
export type DslStoreType = 'persistent' | 'in-memory';

/**
 * A DSL key-value store as parsed from `Materialized` (Kafka's `MaterializedInternal`):
 * complete except for serdes, which may still fall back to the configured defaults.
 */
export interface StoreSpec {
  readonly name: string;
  /**
   * True when the name was generated (`KSTREAM-AGGREGATE-STATE-STORE-0000000001`), i.e. the
   * store is not queryable and its name shifts when the topology changes.
   */
  readonly generatedName: boolean;
  readonly keySerde: Serde<any> | null;
  readonly valueSerde: Serde<any> | null;
  readonly cachingEnabled: boolean;
  readonly loggingEnabled: boolean;
  /** Changelog topic configs (`withLoggingEnabled(config)`). */
  readonly logConfig: Readonly<{ [key: string]: string }>;
  /** A user-chosen bytes store supplier; its name is the store name. */
  readonly supplier: KeyValueBytesStoreSupplier | null;
  /** Backend when no supplier is given; null = the build config's `defaultDslStore` (persistent). */
  readonly storeType: DslStoreType | null;
}
