import type { Serde } from '../../serdes/serde.js';
import type { SessionBytesStoreSupplier, WindowBytesStoreSupplier } from '../../state/windowed-bytes-store.js';
import type { DslStoreType } from './store-spec.js';

/**
 * A DSL window or session store as parsed from `Materialized` and the windows (Kafka's
 * `WindowStoreMaterializer` / `SessionStoreMaterializer` inputs): complete except for
 * serdes, which may still fall back to the configured defaults.
 */
export interface WindowedStoreSpec {
  readonly kind: 'window' | 'session';
  readonly name: string;
  /** True when the name was generated (not queryable, shifts when the topology changes). */
  readonly generatedName: boolean;
  /** Serde of the plain (unwindowed) key. */
  readonly keySerde: Serde<any> | null;
  readonly valueSerde: Serde<any> | null;
  /** Already false where Kafka disables the cache (sliding and session windows emitting on close). */
  readonly cachingEnabled: boolean;
  readonly loggingEnabled: boolean;
  readonly logConfig: Readonly<{ [key: string]: string }>;
  /** A user-chosen bytes store supplier; its name is the store name. */
  readonly supplier: WindowBytesStoreSupplier | SessionBytesStoreSupplier | null;
  /** Backend when no supplier is given; null = the build config's `defaultDslStore`. */
  readonly storeType: DslStoreType | null;
  /** How long windows or sessions are kept (ms). */
  readonly retentionPeriod: number;
  /** Window size (time windows) or time difference (sliding windows); 0 for sessions. */
  readonly windowSize: number;
  /** Kafka's time-ordered store for aggregations that emit on window close (segment-wise expiry). */
  readonly timeOrdered: boolean;
}
