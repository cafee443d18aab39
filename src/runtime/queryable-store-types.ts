// Kafka: QueryableStoreTypes, QueryableStoreType
import type { StoreBuilder } from '../state/store-builder.js';
import type { StateStore } from '../state/state-store.js';
import type { KeyValueStore, ReadOnlyKeyValueStore } from '../state/key-value-store.js';
import type { ReadOnlySessionStore } from '../state/session-store.js';
import type { ReadOnlyWindowStore, WindowStore } from '../state/window-store.js';
import type { ValueAndTimestamp } from '../state/value-and-timestamp.js';
import { KeyValueStoreBuilder } from '../state/builders/key-value-store-builder.js';
import { SessionStoreBuilder } from '../state/builders/session-store-builder.js';
import { TimestampedKeyValueStoreBuilder } from '../state/builders/timestamped-key-value-store-builder.js';
import { TimestampedWindowStoreBuilder, WindowStoreBuilder } from '../state/builders/window-store-builder.js';
import { unwrapTimestamps } from '../state/internals/timestamp-unwrapping-store.js';
import { unwrapWindowTimestamps } from '../state/internals/window-store-facades.js';
import { compositeStore } from './composite-store.js';
import { CompositeReadOnlySessionStore } from './composite-read-only-session-store.js';
import { CompositeReadOnlyWindowStore } from './composite-read-only-window-store.js';

/**
 * What `KafkaStreams.store(StoreQueryParameters)` returns for a store: which stores it
 * accepts (by their builder) and the read-only view it makes over this process's tasks.
 */
export interface QueryableStoreType<T> {
  /** For error messages: `keyValueStore`, `windowStore`, ... */
  readonly name: string;
  accepts(builder: StoreBuilder<StateStore>): boolean;
  /** A view over the store's instances in the tasks `stores()` lists (read at every call). */
  create(storeName: string, stores: () => StateStore[]): T;
}

const isKeyValue = (b: StoreBuilder<StateStore>): boolean => b instanceof KeyValueStoreBuilder || b instanceof TimestampedKeyValueStoreBuilder;
const isWindow = (b: StoreBuilder<StateStore>): boolean => b instanceof WindowStoreBuilder || b instanceof TimestampedWindowStoreBuilder;

/**
 * The store types to query (Java's `QueryableStoreTypes`). As in Java, `keyValueStore()` and
 * `windowStore()` also accept the DSL's timestamped stores and return their plain values;
 * the `timestamped*` types return `ValueAndTimestamp`s.
 *
 * @example streams.store(StoreQueryParameters.fromNameAndType('counts-store', QueryableStoreTypes.keyValueStore<string, number>()))
 */
export const QueryableStoreTypes = {
  keyValueStore<K, V>(): QueryableStoreType<ReadOnlyKeyValueStore<K, V>> {
    return {
      name: 'keyValueStore',
      accepts: isKeyValue,
      create: (storeName, stores) => compositeStore<K, V>(storeName, () => stores().map((s) => unwrapTimestamps(s) as KeyValueStore<K, V>)),
    };
  },
  timestampedKeyValueStore<K, V>(): QueryableStoreType<ReadOnlyKeyValueStore<K, ValueAndTimestamp<V>>> {
    return {
      name: 'timestampedKeyValueStore',
      accepts: (b) => b instanceof TimestampedKeyValueStoreBuilder,
      create: (storeName, stores) => compositeStore<K, ValueAndTimestamp<V>>(storeName, stores),
    };
  },
  windowStore<K, V>(): QueryableStoreType<ReadOnlyWindowStore<K, V>> {
    return {
      name: 'windowStore',
      accepts: isWindow,
      create: (storeName, stores) => new CompositeReadOnlyWindowStore<K, V>(storeName, () => stores().map((s) => unwrapWindowTimestamps<K, V>(s) as WindowStore<K, V>)),
    };
  },
  timestampedWindowStore<K, V>(): QueryableStoreType<ReadOnlyWindowStore<K, ValueAndTimestamp<V>>> {
    return {
      name: 'timestampedWindowStore',
      accepts: (b) => b instanceof TimestampedWindowStoreBuilder,
      create: (storeName, stores) => new CompositeReadOnlyWindowStore<K, ValueAndTimestamp<V>>(storeName, stores),
    };
  },
  sessionStore<K, V>(): QueryableStoreType<ReadOnlySessionStore<K, V>> {
    return {
      name: 'sessionStore',
      accepts: (b) => b instanceof SessionStoreBuilder,
      create: (storeName, stores) => new CompositeReadOnlySessionStore<K, V>(storeName, stores),
    };
  },
};

/** The most specific queryable type of a store (for error messages), or null for a custom store. */
export function queryableTypeOf(builder: StoreBuilder<StateStore>): string | null {
  if (builder instanceof TimestampedKeyValueStoreBuilder) return 'timestampedKeyValueStore';
  if (builder instanceof KeyValueStoreBuilder) return 'keyValueStore';
  if (builder instanceof TimestampedWindowStoreBuilder) return 'timestampedWindowStore';
  if (builder instanceof WindowStoreBuilder) return 'windowStore';
  if (builder instanceof SessionStoreBuilder) return 'sessionStore';
  return null;
}
