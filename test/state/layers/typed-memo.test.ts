import { afterEach, describe, expect, it, vi } from 'vitest';
import { LongDeserializer } from '../../../src/serdes/long-serde.js';
import { Serdes } from '../../../src/serdes/serdes.js';
import type { Serde } from '../../../src/serdes/serde.js';
import { Stores } from '../../../src/state/stores.js';
import type { StateStore } from '../../../src/state/state-store.js';
import { FakeStoreContext } from '../fake-store-context.js';

// A cached store keeps the value it wrote beside the bytes (typed-memo.ts) only where
// decoding would give back an equal value nobody can change; everything else is decoded
// afresh on every read, as in Kafka Streams.
describe('values kept beside their bytes in the record cache', () => {
  const opened: { store: StateStore; context: FakeStoreContext }[] = [];

  afterEach(async () => {
    for (const { store, context } of opened.splice(0)) {
      await store.close();
      await context.cleanup();
    }
    vi.restoreAllMocks();
  });

  async function open<S extends StateStore>(store: S): Promise<S> {
    const context = new FakeStoreContext();
    await store.init(context, store);
    opened.push({ store, context });
    return store;
  }

  it('reads a cached count back without the deserializer, and the flush forwards it', async () => {
    const store = await open(
      Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore('counts'), Serdes.String(), Serdes.Long()).withCachingEnabled().build(),
    );
    const flushed: unknown[] = [];
    store.setFlushListener((key, value) => flushed.push([key, value]), false);
    const decode = vi.spyOn(LongDeserializer.prototype, 'deserializeAt');

    store.put('a', { value: 1, timestamp: 100 });
    const read = store.get('a')!;
    store.put('a', { value: read.value + 1, timestamp: 200 });
    store.flush();

    expect(store.get('a')).toEqual({ value: 2, timestamp: 200 });
    expect(flushed).toEqual([['a', { value: 2, timestamp: 200 }]]);
    expect(decode).not.toHaveBeenCalled();
  });

  it('hands out a new ValueAndTimestamp on every read, never the object that was put', async () => {
    const store = await open(
      Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore('counts'), Serdes.String(), Serdes.Long()).withCachingEnabled().build(),
    );
    const written = { value: 7, timestamp: 1 };
    store.put('k', written);
    written.value = 8;

    const read = store.get('k')!;
    expect(read).toEqual({ value: 7, timestamp: 1 });
    (read as { value: number }).value = 9;
    expect(store.get('k')).toEqual({ value: 7, timestamp: 1 });
    expect(store.get('k')).not.toBe(store.get('k'));
  });

  it('answers for the newest value only: a rewrite below the typed layer is decoded', async () => {
    const store = await open(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('plain'), Serdes.String(), Serdes.Long()).withCachingEnabled().build());
    store.put('a', 1);
    expect(store.get('a')).toBe(1);
    // The cache layer written directly (a restore or a bytes-level caller) drops what was kept.
    store.wrapped.put(Buffer.from('a'), Serdes.Long().serializer().serialize('', 5));
    expect(store.get('a')).toBe(5);
    store.putAll([{ key: 'a', value: 6 }]);
    expect(store.get('a')).toBe(6);
    expect(store.delete('a')).toBe(6);
    expect(store.get('a')).toBeNull();
  });

  it('decodes objects afresh on every read, so an aggregator may mutate what it got', async () => {
    const json: Serde<{ n: number }> = {
      serializer: () => ({ serialize: (_t, v) => (v === null ? null : Buffer.from(JSON.stringify(v))) }),
      deserializer: () => ({ deserialize: (_t, b) => (b === null ? null : (JSON.parse(b.toString()) as { n: number })) }),
    };
    const store = await open(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('objects'), Serdes.String(), json).withCachingEnabled().build());
    const agg = { n: 1 };
    store.put('k', agg);
    agg.n = 100;
    const first = store.get('k')!;
    first.n++;
    expect(store.get('k')).toEqual({ n: 1 });
    expect(store.get('k')).not.toBe(first);
  });

  it('decodes through a deserializer subclass, which may read the bytes differently', async () => {
    class Doubled extends LongDeserializer {
      override deserialize(topic: string, data: Buffer | null): number | null {
        const n = super.deserialize(topic, data);
        return n === null ? null : n * 2;
      }
    }
    const serde: Serde<number> = { serializer: () => Serdes.Long().serializer(), deserializer: () => new Doubled() };
    const store = await open(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('doubled'), Serdes.String(), serde).withCachingEnabled().build());
    store.put('k', 21);
    expect(store.get('k')).toBe(42);
  });
});
