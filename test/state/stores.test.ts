import { describe, expect, it } from 'vitest';
import { Stores } from '../../src/state/stores.js';
import { MeteredKeyValueStore } from '../../src/state/layers/metered-key-value-store.js';
import { MeteredTimestampedKeyValueStore } from '../../src/state/layers/metered-timestamped-key-value-store.js';
import { InMemoryKeyValueBytesStore } from '../../src/state/in-memory/in-memory-key-value-bytes-store.js';
import { LevelDbKeyValueBytesStore } from '../../src/state/leveldb/leveldb-key-value-bytes-store.js';
import { TopologyError } from '../../src/errors/topology-error.js';
import { longSerde, stringSerde } from './test-serdes.js';

/** Layer class names from the outside in. */
function stack(store: object): string[] {
  const names: string[] = [];
  let s: object | undefined = store;
  while (s) {
    names.push(s.constructor.name);
    s = (s as { wrapped?: object }).wrapped;
  }
  return names;
}

describe('Stores', () => {
  it('suppliers create fresh backends with a name and metrics scope', () => {
    const persistent = Stores.persistentKeyValueStore('p');
    expect(persistent.get()).toBeInstanceOf(LevelDbKeyValueBytesStore);
    expect(persistent.get()).not.toBe(persistent.get());
    expect(persistent.metricsScope).toBe('leveldb');
    expect(Stores.persistentTimestampedKeyValueStore('t').get()).toBeInstanceOf(LevelDbKeyValueBytesStore);
    const memory = Stores.inMemoryKeyValueStore('m');
    expect(memory.get()).toBeInstanceOf(InMemoryKeyValueBytesStore);
    expect(memory.get().persistent()).toBe(false);
    expect(memory.metricsScope).toBe('in-memory');
    expect(() => Stores.inMemoryKeyValueStore('')).toThrow(TopologyError);
  });

  it('PAPI defaults: logging on (compacted changelog), caching off', () => {
    const builder = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('s'), stringSerde(), longSerde());
    expect(builder.name).toBe('s');
    expect(builder.loggingEnabled).toBe(true);
    expect(builder.cachingEnabled).toBe(false);
    expect(builder.logConfig).toEqual({ 'cleanup.policy': 'compact' });
    expect(stack(builder.build())).toEqual(['MeteredKeyValueStore', 'ChangeLoggingKeyValueBytesStore', 'LevelDbKeyValueBytesStore']);
  });

  it('builds metered(caching(logging(backend))) and each layer can be switched off', () => {
    const base = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('s'), stringSerde(), longSerde());
    const full = base.withCachingEnabled().build();
    expect(full).toBeInstanceOf(MeteredKeyValueStore);
    expect(stack(full)).toEqual(['MeteredKeyValueStore', 'CachingKeyValueStore', 'ChangeLoggingKeyValueBytesStore', 'InMemoryKeyValueBytesStore']);
    expect(stack(base.withCachingEnabled().withLoggingDisabled().build())).toEqual([
      'MeteredKeyValueStore',
      'CachingKeyValueStore',
      'InMemoryKeyValueBytesStore',
    ]);
    expect(stack(base.withLoggingDisabled().build())).toEqual(['MeteredKeyValueStore', 'InMemoryKeyValueBytesStore']);
  });

  it('builders are immutable: with* returns a new builder', () => {
    const base = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('s'), stringSerde(), longSerde());
    const cached = base.withCachingEnabled();
    expect(cached).not.toBe(base);
    expect(base.cachingEnabled).toBe(false);
    expect(cached.cachingEnabled).toBe(true);
    expect(cached.withCachingDisabled().cachingEnabled).toBe(false);
  });

  it('merges changelog configs over the compact default; disabling logging clears them', () => {
    const base = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('s'), stringSerde(), longSerde());
    expect(base.withLoggingEnabled({ 'min.insync.replicas': '2' }).logConfig).toEqual({
      'cleanup.policy': 'compact',
      'min.insync.replicas': '2',
    });
    expect(base.withLoggingEnabled({ 'cleanup.policy': 'compact,delete' }).logConfig).toEqual({ 'cleanup.policy': 'compact,delete' });
    const off = base.withLoggingDisabled();
    expect(off.loggingEnabled).toBe(false);
    expect(off.logConfig).toEqual({});
  });

  it('timestamped builder uses the timestamped layers', () => {
    const store = Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore('t'), stringSerde(), longSerde())
      .withCachingEnabled()
      .build();
    expect(store).toBeInstanceOf(MeteredTimestampedKeyValueStore);
    expect(stack(store)).toEqual([
      'MeteredTimestampedKeyValueStore',
      'CachingKeyValueStore',
      'ChangeLoggingTimestampedKeyValueBytesStore',
      'LevelDbKeyValueBytesStore',
    ]);
  });
});
