import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Stores } from '../../src/state/stores.js';
import { ValueAndTimestamp } from '../../src/state/value-and-timestamp.js';
import type { MeteredTimestampedKeyValueStore } from '../../src/state/layers/metered-timestamped-key-value-store.js';
import { b, FakeStoreContext } from './fake-store-context.js';
import { longSerde, stringSerde } from './test-serdes.js';

const vt = (value: number, timestamp: number) => ValueAndTimestamp.make(value, timestamp)!;

for (const [kind, supplier] of [
  ['leveldb', Stores.persistentTimestampedKeyValueStore],
  ['in-memory', Stores.inMemoryKeyValueStore],
] as const) {
  describe(`timestamped key-value store (${kind})`, () => {
    let context: FakeStoreContext;
    let store: MeteredTimestampedKeyValueStore<string, number>;

    beforeEach(async () => {
      context = new FakeStoreContext();
      store = Stores.timestampedKeyValueStoreBuilder(supplier('t'), stringSerde(), longSerde()).withCachingEnabled().build();
      await store.init(context, store);
    });

    afterEach(async () => {
      await store.close();
      await context.cleanup();
    });

    it('stores values with their timestamps', () => {
      store.put('a', vt(1, 100));
      expect(store.get('a')).toEqual(vt(1, 100));
      store.flush();
      expect(store.get('a')).toEqual(vt(1, 100));
      expect([...store.all()].map((kv) => [kv.key, kv.value])).toEqual([['a', vt(1, 100)]]);
    });

    it('logs the raw value with the value timestamp; deletes with the record timestamp', () => {
      context.setRecord(500);
      store.put('a', vt(7, 123));
      store.flush();
      context.setRecord(600);
      store.delete('a');
      store.flush();
      expect(context.logged.map((c) => `${c.key}=${c.value?.toString('hex') ?? 'null'}@${c.timestamp}`)).toEqual([
        'a=0000000000000007@123',
        'a=null@600',
      ]);
    });

    it('restores raw changelog values by re-adding the record timestamp', () => {
      const raw = Buffer.alloc(8);
      raw.writeBigInt64BE(9n);
      context.restore('t', [
        { key: b('x'), value: raw, timestamp: 77 },
        { key: b('y'), value: raw, timestamp: 78 },
        { key: b('y'), value: null, timestamp: 79 },
      ]);
      expect(store.get('x')).toEqual(vt(9, 77));
      expect(store.get('y')).toBeNull();
    });

    it('forwards ValueAndTimestamp changes from the cache', () => {
      const seen: unknown[] = [];
      store.setFlushListener((k, n, o) => seen.push([k, n, o]), true);
      store.put('k', vt(1, 10));
      store.flush();
      store.put('k', vt(2, 20));
      store.flush();
      expect(seen).toEqual([
        ['k', vt(1, 10), null],
        ['k', vt(2, 20), vt(1, 10)],
      ]);
    });
  });
}
