// Kafka: Stores
import type { Serde } from '../serdes/serde.js';
import { TopologyError } from '../errors/topology-error.js';
import type { KeyValueBytesStore, KeyValueBytesStoreSupplier } from './key-value-bytes-store.js';
import { InMemoryKeyValueBytesStore } from './in-memory/in-memory-key-value-bytes-store.js';
import { LevelDbKeyValueBytesStore } from './leveldb/leveldb-key-value-bytes-store.js';
import { KeyValueStoreBuilder } from './builders/key-value-store-builder.js';
import { TimestampedKeyValueStoreBuilder } from './builders/timestamped-key-value-store-builder.js';

function supplier(name: string, metricsScope: string, create: (name: string) => KeyValueBytesStore): KeyValueBytesStoreSupplier {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TopologyError([{ code: 'invalid-store-name', message: 'A store name must be a non-empty string.' }]);
  }
  return Object.freeze({ name, metricsScope, get: () => create(name) });
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
});
