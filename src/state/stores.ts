// Kafka: Stores
import type { Serde } from '../serdes/serde.js';
import { TopologyError } from '../errors/topology-error.js';
import type { KeyValueBytesStore, KeyValueBytesStoreSupplier } from './key-value-bytes-store.js';
import { InMemoryKeyValueBytesStore } from './in-memory/in-memory-key-value-bytes-store.js';
import { LevelDbKeyValueBytesStore } from './leveldb/leveldb-key-value-bytes-store.js';
import { KeyValueStoreBuilder } from './builders/key-value-store-builder.js';
import { TimestampedKeyValueStoreBuilder } from './builders/timestamped-key-value-store-builder.js';
import { TimestampedWindowStoreBuilder, WindowStoreBuilder } from './builders/window-store-builder.js';
import { SessionStoreBuilder } from './builders/session-store-builder.js';
import type { SessionBytesStoreSupplier, WindowBytesStoreSupplier } from './windowed-bytes-store.js';
import { TimeIndexedBytesStore } from './internals/time-indexed-bytes-store.js';
import { SESSION_KEY_SCHEMA, WINDOW_KEY_SCHEMA } from './internals/store-key-schema.js';
import { durationMs, type DurationLike } from '../windows/duration-ms.js';

function supplier(name: string, metricsScope: string, create: (name: string) => KeyValueBytesStore): KeyValueBytesStoreSupplier {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TopologyError([{ code: 'invalid-store-name', message: 'A store name must be a non-empty string.' }]);
  }
  return Object.freeze({ name, metricsScope, get: () => create(name) });
}

function windowSupplier(
  name: string,
  retention: DurationLike,
  size: DurationLike,
  retainDuplicates: boolean,
  metricsScope: string,
  create: (name: string) => KeyValueBytesStore,
  timeOrdered = false,
): WindowBytesStoreSupplier {
  checkName(name);
  const retentionPeriod = durationMs(retention, 'retentionPeriod');
  const windowSize = durationMs(size, 'windowSize');
  if (windowSize > retentionPeriod) {
    throw new TopologyError([
      {
        code: 'invalid-retention',
        message: `The retention period of window store ${name} (${retentionPeriod} ms) must be no smaller than its window size (${windowSize} ms).`,
      },
    ]);
  }
  const get = () => new TimeIndexedBytesStore(create(name), WINDOW_KEY_SCHEMA, retentionPeriod, timeOrdered);
  return Object.freeze({ kind: 'window' as const, name, retentionPeriod, windowSize, retainDuplicates, metricsScope, get });
}

function sessionSupplier(
  name: string,
  retention: DurationLike,
  metricsScope: string,
  create: (name: string) => KeyValueBytesStore,
  timeOrdered = false,
): SessionBytesStoreSupplier {
  checkName(name);
  const retentionPeriod = durationMs(retention, 'retentionPeriod');
  const get = () => new TimeIndexedBytesStore(create(name), SESSION_KEY_SCHEMA, retentionPeriod, timeOrdered);
  return Object.freeze({ kind: 'session' as const, name, retentionPeriod, metricsScope, get });
}

function checkName(name: string): void {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TopologyError([{ code: 'invalid-store-name', message: 'A store name must be a non-empty string.' }]);
  }
}

/**
 * The stores of windowed aggregations that emit on window close (Kafka's time-ordered
 * `RocksDbIndexedTimeOrderedWindowBytesStoreSupplier` / `RocksDbTimeOrderedSessionBytesStoreSupplier`):
 * expired a segment at a time, so closed windows can still be emitted. Internal to the DSL.
 */
export function timeOrderedWindowSupplier(name: string, retentionPeriod: number, windowSize: number, inMemory: boolean): WindowBytesStoreSupplier {
  const create = inMemory ? (n: string) => new InMemoryKeyValueBytesStore(n) : (n: string) => new LevelDbKeyValueBytesStore(n);
  return windowSupplier(name, retentionPeriod, windowSize, false, inMemory ? 'in-memory' : 'leveldb', create, true);
}

/** See `timeOrderedWindowSupplier`. */
export function timeOrderedSessionSupplier(name: string, retentionPeriod: number, inMemory: boolean): SessionBytesStoreSupplier {
  const create = inMemory ? (n: string) => new InMemoryKeyValueBytesStore(n) : (n: string) => new LevelDbKeyValueBytesStore(n);
  return sessionSupplier(name, retentionPeriod, inMemory ? 'in-memory' : 'leveldb', create, true);
}

/**
 * Factories for state stores, named as in Java's `Stores`. Suppliers create one bytes
 * store per task; builders add serdes and the caching and change-logging layers.
 * Builders default to logging on, caching off (Java's PAPI defaults) and are immutable.
 *
 * @example
 * const counts = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('counts'), Serdes.String(), Serdes.Long())
 *   .withCachingEnabled();
 * topology.addStateStore(counts, 'counter');
 */
export const Stores = Object.freeze({
  /** A LevelDB-backed store in the task's database (survives restarts; restores only the changelog tail). */
  persistentKeyValueStore(name: string): KeyValueBytesStoreSupplier {
    return supplier(name, 'leveldb', (n) => new LevelDbKeyValueBytesStore(n));
  },

  /**
   * A LevelDB-backed store for `timestampedKeyValueStoreBuilder` (the DSL default). The
   * same backend as `persistentKeyValueStore`: the timestamped layout is the builder's.
   */
  persistentTimestampedKeyValueStore(name: string): KeyValueBytesStoreSupplier {
    return supplier(name, 'leveldb', (n) => new LevelDbKeyValueBytesStore(n));
  },

  /** An in-memory store (rebuilt from its changelog on restart). */
  inMemoryKeyValueStore(name: string): KeyValueBytesStoreSupplier {
    return supplier(name, 'in-memory', (n) => new InMemoryKeyValueBytesStore(n));
  },

  /**
   * A LevelDB-backed window store: windows are kept `retentionPeriod` after the largest window
   * start seen (at least `windowSize`). `retainDuplicates` keeps every value put for a key and
   * window (stream-stream joins).
   */
  persistentWindowStore(name: string, retentionPeriod: DurationLike, windowSize: DurationLike, retainDuplicates = false): WindowBytesStoreSupplier {
    return windowSupplier(name, retentionPeriod, windowSize, retainDuplicates, 'leveldb', (n) => new LevelDbKeyValueBytesStore(n));
  },

  /** A LevelDB-backed window store for `timestampedWindowStoreBuilder` (the DSL default). */
  persistentTimestampedWindowStore(name: string, retentionPeriod: DurationLike, windowSize: DurationLike, retainDuplicates = false): WindowBytesStoreSupplier {
    return windowSupplier(name, retentionPeriod, windowSize, retainDuplicates, 'leveldb', (n) => new LevelDbKeyValueBytesStore(n));
  },

  /** An in-memory window store (rebuilt from its changelog on restart). */
  inMemoryWindowStore(name: string, retentionPeriod: DurationLike, windowSize: DurationLike, retainDuplicates = false): WindowBytesStoreSupplier {
    return windowSupplier(name, retentionPeriod, windowSize, retainDuplicates, 'in-memory', (n) => new InMemoryKeyValueBytesStore(n));
  },

  /** A LevelDB-backed session store: sessions are kept `retentionPeriod` after the largest session end seen. */
  persistentSessionStore(name: string, retentionPeriod: DurationLike): SessionBytesStoreSupplier {
    return sessionSupplier(name, retentionPeriod, 'leveldb', (n) => new LevelDbKeyValueBytesStore(n));
  },

  /** An in-memory session store (rebuilt from its changelog on restart). */
  inMemorySessionStore(name: string, retentionPeriod: DurationLike): SessionBytesStoreSupplier {
    return sessionSupplier(name, retentionPeriod, 'in-memory', (n) => new InMemoryKeyValueBytesStore(n));
  },

  /** A `KeyValueStore<K, V>` builder; null serdes fall back to the configured defaults. */
  keyValueStoreBuilder<K, V>(
    storeSupplier: KeyValueBytesStoreSupplier,
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
  ): KeyValueStoreBuilder<K, V> {
    return new KeyValueStoreBuilder(storeSupplier, keySerde, valueSerde);
  },

  /** A `TimestampedKeyValueStore<K, V>` builder (values are `ValueAndTimestamp<V>`). */
  timestampedKeyValueStoreBuilder<K, V>(
    storeSupplier: KeyValueBytesStoreSupplier,
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
  ): TimestampedKeyValueStoreBuilder<K, V> {
    return new TimestampedKeyValueStoreBuilder(storeSupplier, keySerde, valueSerde);
  },

  /** A `WindowStore<K, V>` builder (logging on, caching off by default). */
  windowStoreBuilder<K, V>(storeSupplier: WindowBytesStoreSupplier, keySerde: Serde<K> | null, valueSerde: Serde<V> | null): WindowStoreBuilder<K, V> {
    return new WindowStoreBuilder(storeSupplier, keySerde, valueSerde);
  },

  /** A `TimestampedWindowStore<K, V>` builder (values are `ValueAndTimestamp<V>`). */
  timestampedWindowStoreBuilder<K, V>(
    storeSupplier: WindowBytesStoreSupplier,
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
  ): TimestampedWindowStoreBuilder<K, V> {
    return new TimestampedWindowStoreBuilder(storeSupplier, keySerde, valueSerde);
  },

  /** A `SessionStore<K, AGG>` builder (logging on, caching off by default). */
  sessionStoreBuilder<K, AGG>(storeSupplier: SessionBytesStoreSupplier, keySerde: Serde<K> | null, valueSerde: Serde<AGG> | null): SessionStoreBuilder<K, AGG> {
    return new SessionStoreBuilder(storeSupplier, keySerde, valueSerde);
  },
});
