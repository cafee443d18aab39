// Kafka: Materialized (key-value stores)
import type { Serde } from '../serdes/serde.js';
import type { KeyValueBytesStoreSupplier } from '../state/key-value-bytes-store.js';
import type { SessionBytesStoreSupplier, WindowBytesStoreSupplier } from '../state/windowed-bytes-store.js';
import { durationMs, type DurationLike } from '../windows/duration-ms.js';
import type { DslStoreType } from '../topology/graph/store-spec.js';
import { validateName } from './named.js';

/** A bytes store supplier `Materialized.as` accepts: key-value, window or session. */
export type MaterializedStoreSupplier = KeyValueBytesStoreSupplier | WindowBytesStoreSupplier | SessionBytesStoreSupplier;

/**
 * How a DSL operator materializes its table: the store name (which also names the
 * changelog `<applicationId>-<name>-changelog` and, for grouped aggregates, the repartition
 * topic), serdes, caching and logging (both on by default), and the backend: LevelDB
 * (default), in-memory, or a supplier from `Stores`.
 *
 * A store without a user-given name gets a generated one and is not queryable; KTable
 * `filter`/`mapValues` only materialize when given a name.
 *
 * @example grouped.count(Materialized.as<string, number>('counts-store').withCachingDisabled())
 */
export class Materialized<K, V> {
  private constructor(
    readonly storeName: string | null,
    readonly storeSupplier: MaterializedStoreSupplier | null,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly cachingEnabled: boolean,
    readonly loggingEnabled: boolean,
    readonly logConfig: Readonly<{ [key: string]: string }>,
    readonly storeType: DslStoreType | null,
    /** How long a window or session store keeps data (ms); null = window size + grace. */
    readonly retention: number | null = null,
  ) {}

  /** A named store, or a store from a supplier (named after the supplier). */
  static as<K = any, V = any>(nameOrSupplier: string | MaterializedStoreSupplier): Materialized<K, V> {
    if (typeof nameOrSupplier === 'string') {
      validateName(nameOrSupplier, 'Store name');
      return new Materialized<K, V>(nameOrSupplier, null, null, null, true, true, {}, null);
    }
    return new Materialized<K, V>(null, nameOrSupplier, null, null, true, true, {}, null);
  }

  /** Serdes only; the store gets a generated name. */
  static with<K, V>(keySerde: Serde<K> | null, valueSerde: Serde<V> | null): Materialized<K, V> {
    return new Materialized(null, null, keySerde, valueSerde, true, true, {}, null);
  }

  withKeySerde<K2>(keySerde: Serde<K2>): Materialized<K2, V> {
    return this.copy({ keySerde }) as unknown as Materialized<K2, V>;
  }

  withValueSerde<V2>(valueSerde: Serde<V2>): Materialized<K, V2> {
    return this.copy({ valueSerde }) as unknown as Materialized<K, V2>;
  }

  /** Dedupes updates per key between commits (the default). */
  withCachingEnabled(): Materialized<K, V> {
    return this.copy({ cachingEnabled: true });
  }

  /** Forwards every update downstream at once. */
  withCachingDisabled(): Materialized<K, V> {
    return this.copy({ cachingEnabled: false });
  }

  /** Backs the store with a changelog topic (the default), with optional topic configs. */
  withLoggingEnabled(config: Readonly<{ [key: string]: string }> = {}): Materialized<K, V> {
    return this.copy({ loggingEnabled: true, logConfig: { ...config } });
  }

  /** No changelog: the store is not restored after a failure or a move to another instance. */
  withLoggingDisabled(): Materialized<K, V> {
    return this.copy({ loggingEnabled: false, logConfig: {} });
  }

  /** `'persistent'` (LevelDB, the default) or `'in-memory'`. */
  withStoreType(storeType: DslStoreType): Materialized<K, V> {
    return this.copy({ storeType });
  }

  /**
   * How long a windowed aggregation's store keeps windows (at least window size + grace;
   * longer keeps closed windows queryable). Only for window and session stores.
   */
  withRetention(retention: DurationLike): Materialized<K, V> {
    return this.copy({ retention: durationMs(retention, 'retention') });
  }

  private copy(changes: Partial<Materialized<any, any>>): Materialized<K, V> {
    const m = { ...this, ...changes } as Materialized<K, V>;
    return new Materialized(m.storeName, m.storeSupplier, m.keySerde, m.valueSerde, m.cachingEnabled, m.loggingEnabled, m.logConfig, m.storeType, m.retention);
  }
}
