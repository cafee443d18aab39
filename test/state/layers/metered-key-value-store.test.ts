import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Stores } from '../../../src/state/stores.js';
import type { MeteredKeyValueStore } from '../../../src/state/layers/metered-key-value-store.js';
import { KeyValue } from '../../../src/state/key-value.js';
import { FakeStoreContext } from '../fake-store-context.js';
import { longSerde, stringSerde } from '../test-serdes.js';

describe('MeteredKeyValueStore', () => {
  let context: FakeStoreContext;
  let topics: string[];
  let store: MeteredKeyValueStore<string, number>;

  beforeEach(async () => {
    context = new FakeStoreContext();
    topics = [];
    store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('counts'), stringSerde(topics), longSerde()).build();
    await store.init(context, store);
  });

  afterEach(async () => {
    await store.close();
    await context.cleanup();
  });

  it('serializes with the changelog topic and returns typed values', () => {
    store.put('a', 1);
    store.put('b', 2);
    expect(store.get('a')).toBe(1);
    expect(store.get('zz')).toBeNull();
    expect(new Set(topics)).toEqual(new Set(['app-counts-changelog']));
    expect([...store.range('a', 'b')]).toEqual([KeyValue.pair('a', 1), KeyValue.pair('b', 2)]);
    expect(store.all().peekNextKey()).toBe('a');
  });

  it('writes Java-compatible bytes to the changelog', () => {
    store.put('a', 258);
    expect(context.logged.map((c) => `${c.key}=${c.value!.toString('hex')}`)).toEqual(['a=0000000000000102']);
  });

  it('supports putIfAbsent, putAll, delete and prefixScan', () => {
    expect(store.putIfAbsent('a', 1)).toBeNull();
    expect(store.putIfAbsent('a', 2)).toBe(1);
    store.putAll([KeyValue.pair('ab', 3), KeyValue.pair('b', 4), KeyValue.pair('a', null)]);
    expect(store.delete('b')).toBe(4);
    expect([...store.prefixScan('a', stringSerde().serializer())]).toEqual([KeyValue.pair('ab', 3)]);
  });

  it('counts operations', () => {
    store.put('a', 1);
    store.put('a', 2);
    store.get('a');
    store.delete('a');
    store.all().close();
    store.flush();
    expect(store.metrics).toMatchObject({ storeName: 'counts', scope: 'leveldb', puts: 2, gets: 1, deletes: 1, ranges: 1, flushes: 1 });
  });

  it('falls back to the configured default serdes', async () => {
    const ctx = new FakeStoreContext();
    ctx.appConfigs = { defaultKeySerde: stringSerde(), defaultValueSerde: longSerde() };
    const s = Stores.keyValueStoreBuilder<string, number>(Stores.inMemoryKeyValueStore('d'), null, null).build();
    await s.init(ctx, s);
    s.put('x', 5);
    expect(s.get('x')).toBe(5);
    await s.close();
    const missing = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('e'), null, longSerde()).build();
    const bare = new FakeStoreContext();
    expect(() => missing.init(bare, missing)).toThrow(/defaultKeySerde/);
    await ctx.cleanup();
    await bare.cleanup();
  });

  it('deserializes what a cache flushes', async () => {
    const ctx = new FakeStoreContext();
    const cached = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('c'), stringSerde(), longSerde()).withCachingEnabled().build();
    await cached.init(ctx, cached);
    const seen: unknown[] = [];
    expect(cached.setFlushListener((k, n, o) => seen.push([k, n, o]), true)).toBe(true);
    cached.put('k', 1);
    cached.flush();
    cached.put('k', 2);
    cached.flush();
    expect(seen).toEqual([
      ['k', 1, null],
      ['k', 2, 1],
    ]);
    expect(store.setFlushListener(() => {}, false)).toBe(false);
    await cached.close();
    await ctx.cleanup();
  });

  it('rejects a key that serializes to null', () => {
    expect(() => store.put(null as unknown as string, 1)).toThrow(/key may not be null/);
  });
});
