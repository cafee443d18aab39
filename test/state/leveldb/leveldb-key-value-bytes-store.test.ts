import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LevelDbKeyValueBytesStore, storePrefix } from '../../../src/state/leveldb/leveldb-key-value-bytes-store.js';
import { Stores } from '../../../src/state/stores.js';
import { ValueAndTimestamp } from '../../../src/state/value-and-timestamp.js';
import { b, FakeStoreContext } from '../fake-store-context.js';
import { longSerde, stringSerde } from '../test-serdes.js';

const entries = (store: LevelDbKeyValueBytesStore): string[] => [...store.all()].map((kv) => `${kv.key}=${kv.value}`);

describe('LevelDbKeyValueBytesStore', () => {
  let context: FakeStoreContext;

  beforeEach(() => {
    context = new FakeStoreContext();
  });

  afterEach(async () => {
    await context.cleanup();
  });

  /** Closes the store and the task database, then opens both again on the same directory. */
  async function reopen(store: LevelDbKeyValueBytesStore): Promise<LevelDbKeyValueBytesStore> {
    store.close();
    await context.closeDb();
    const again = new LevelDbKeyValueBytesStore(store.name);
    await again.init(context, again);
    return again;
  }

  it('keeps data across close/reopen after a checkpoint, index included', async () => {
    let store = new LevelDbKeyValueBytesStore('counts');
    await store.init(context, store);
    store.put(b('b'), b('2'));
    store.put(b('a'), b('1'));
    store.put(b('c'), b('3'));
    store.delete(b('c'));
    await (await context.taskDb()).checkpoint(new Map([['app-counts-changelog-0', 3n]]));
    store = await reopen(store);
    expect(entries(store)).toEqual(['a=1', 'b=2']);
    expect(store.get(b('a'))!.toString()).toBe('1');
    expect(store.approximateNumEntries()).toBe(2);
    expect(await (await context.taskDb()).readCheckpoint()).toEqual(new Map([['app-counts-changelog-0', 3n]]));
    store.close();
  });

  it('loses writes after the last checkpoint when closed without one', async () => {
    let store = new LevelDbKeyValueBytesStore('s');
    await store.init(context, store);
    store.put(b('a'), b('1'));
    await (await context.taskDb()).checkpoint(new Map());
    store.put(b('b'), b('2'));
    store = await reopen(store);
    expect(entries(store)).toEqual(['a=1']);
    store.close();
  });

  it('isolates stores sharing a task database, even when names are prefixes of each other', async () => {
    const names = ['a', 'ab', 'a\u0000b', 'b'];
    const stores = names.map((n) => new LevelDbKeyValueBytesStore(n));
    for (const s of stores) await s.init(context, s);
    stores.forEach((s, i) => s.put(b('k'), b(String(i))));
    await (await context.taskDb()).checkpoint(new Map());
    for (const s of stores) s.close();
    await context.closeDb();
    for (const [i, n] of names.entries()) {
      const s = new LevelDbKeyValueBytesStore(n);
      await s.init(context, s);
      expect(entries(s)).toEqual([`k=${i}`]);
      s.close();
    }
  });

  it('uses a length-prefixed store prefix that never starts with the reserved 0x00', () => {
    expect(storePrefix('ab').toString('hex')).toBe('01' + '0002' + '6162');
  });

  it('registers its root with a restore callback that applies raw bytes (null = delete)', async () => {
    const store = new LevelDbKeyValueBytesStore('s');
    await store.init(context, store);
    expect(context.registered.get('s')?.store).toBe(store);
    context.restore('s', [
      { key: b('a'), value: b('1'), timestamp: 5 },
      { key: b('b'), value: b('2'), timestamp: 6 },
      { key: b('a'), value: null, timestamp: 7 },
    ]);
    expect(entries(store)).toEqual(['b=2']);
    // Restored data reaches LevelDB with the next checkpoint, atomically with the offsets.
    await (await context.taskDb()).checkpoint(new Map([['app-s-changelog-0', 3n]]));
    const again = await reopen(store);
    expect(entries(again)).toEqual(['b=2']);
    again.close();
  });

  it('re-adds the record timestamp when restoring a timestamped store', async () => {
    const store = Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore('t'), stringSerde(), longSerde())
      .withLoggingEnabled()
      .build();
    await store.init(context, store);
    expect(context.registered.get('t')?.store).toBe(store);
    const raw = Buffer.alloc(8);
    raw.writeBigInt64BE(42n);
    context.restore('t', [{ key: b('k'), value: raw, timestamp: 1_700_000_000_123 }]);
    expect(store.get('k')).toEqual(ValueAndTimestamp.make(42, 1_700_000_000_123));
    await store.close();
  });

  it('reads the key index from LevelDB at init and serves ranges synchronously', async () => {
    const db = await context.taskDb();
    const prefix = storePrefix('s');
    for (const k of ['c', 'a', 'b']) db.put(Buffer.concat([prefix, b(k)]), b(k.toUpperCase()));
    await db.checkpoint(new Map());
    const store = new LevelDbKeyValueBytesStore('s');
    await store.init(context, store);
    expect([...store.reverseRange(b('a'), b('b'))].map((kv) => kv.key.toString())).toEqual(['b', 'a']);
    store.close();
  });
});
