import { afterEach, describe, expect, it } from 'vitest';
import { Serdes } from '../../../src/serdes/serdes.js';
import { Stores } from '../../../src/state/stores.js';
import type { TimestampedWindowStore } from '../../../src/state/window-store.js';
import type { SessionStore } from '../../../src/state/session-store.js';
import { SessionWindow } from '../../../src/windows/window.js';
import { Windowed } from '../../../src/windows/windowed.js';
import { FakeStoreContext } from '../fake-store-context.js';

const S = Serdes.String();
const L = Serdes.Long();
const hex = (b: Buffer | null): string | null => (b === null ? null : b.toString('hex'));
const contexts: FakeStoreContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.cleanup()));
});

function context(dir?: string): FakeStoreContext {
  const c = new FakeStoreContext(undefined, dir);
  contexts.push(c);
  return c;
}

async function windowStore(ctx: FakeStoreContext, persistent: boolean): Promise<TimestampedWindowStore<string, number>> {
  const supplier = persistent ? Stores.persistentTimestampedWindowStore('w', 1000, 100) : Stores.inMemoryWindowStore('w', 1000, 100);
  const store = Stores.timestampedWindowStoreBuilder(supplier, S, L).build();
  await store.init(ctx, store);
  return store;
}

async function sessionStore(ctx: FakeStoreContext, persistent: boolean): Promise<SessionStore<string, number>> {
  const supplier = persistent ? Stores.persistentSessionStore('s', 1000) : Stores.inMemorySessionStore('s', 1000);
  const store = Stores.sessionStoreBuilder(supplier, S, L).build();
  await store.init(ctx, store);
  return store;
}

describe('window store changelog', () => {
  it("logs Java's bytes: key + start(8) + seqnum(4), raw value, value timestamp as record timestamp", async () => {
    const ctx = context();
    const store = await windowStore(ctx, false);
    ctx.setRecord(150);
    store.put('a', { value: 3, timestamp: 120 }, 100);
    store.put('a', null, 100);
    expect(ctx.logged.map((r) => [r.topic, hex(r.key), hex(r.value), r.timestamp])).toEqual([
      ['app-w-changelog', '61' + '0000000000000064' + '00000000', '0000000000000003', 120],
      ['app-w-changelog', '61' + '0000000000000064' + '00000000', null, 150],
    ]);
    await store.close();
  });

  it('restores from the changelog into a fresh store (timestamps re-added)', async () => {
    const ctx = context();
    const store = await windowStore(ctx, false);
    store.put('a', { value: 1, timestamp: 5 }, 0);
    store.put('b', { value: 2, timestamp: 150 }, 100);
    await store.close();

    const ctx2 = context();
    const restored = await windowStore(ctx2, false);
    ctx2.restore('w', ctx.logged.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp })));
    expect(restored.fetch('a', 0)).toEqual({ value: 1, timestamp: 5 });
    expect(restored.fetch('b', 100)).toEqual({ value: 2, timestamp: 150 });
    expect([...restored.all()].map((kv) => `${kv.key.toString()}=${kv.value.value}`)).toEqual(['[a@0/100]=1', '[b@100/200]=2']);
    await restored.close();
  });

  it('keeps LevelDB state across a reopen and rebuilds its time index (retention still applies)', async () => {
    const ctx = context();
    const store = await windowStore(ctx, true);
    store.put('a', { value: 1, timestamp: 0 }, 0);
    store.put('b', { value: 2, timestamp: 500 }, 500);
    await (await ctx.taskDb()).checkpoint(new Map());
    await store.close();
    await ctx.closeDb();

    const ctx2 = context(ctx.dir);
    const reopened = await windowStore(ctx2, true);
    expect(reopened.fetch('a', 0)).toEqual({ value: 1, timestamp: 0 });
    expect([...reopened.fetchAll(0, 1000)].map((kv) => kv.key.key)).toEqual(['a', 'b']);
    reopened.put('c', { value: 3, timestamp: 1000 }, 1000);
    expect(reopened.fetch('a', 0)).toBeNull();
    expect([...reopened.all()].map((kv) => kv.key.key)).toEqual(['b', 'c']);
    await reopened.close();
  });
});

describe('session store changelog', () => {
  it("logs Java's bytes: key + end(8) + start(8), the aggregate, the record timestamp; remove logs a tombstone", async () => {
    const ctx = context();
    const store = await sessionStore(ctx, false);
    ctx.setRecord(42);
    store.put(new Windowed('k', new SessionWindow(10, 20)), 7);
    store.remove(new Windowed('k', new SessionWindow(10, 20)));
    const key = '6b' + '0000000000000014' + '000000000000000a';
    expect(ctx.logged.map((r) => [hex(r.key), hex(r.value), r.timestamp])).toEqual([
      [key, '0000000000000007', 42],
      [key, null, 42],
    ]);
    await store.close();
  });

  it('restores sessions (and removals) from the changelog', async () => {
    const ctx = context();
    const store = await sessionStore(ctx, true);
    store.put(new Windowed('k', new SessionWindow(0, 5)), 2);
    store.put(new Windowed('k', new SessionWindow(20, 30)), 3);
    store.remove(new Windowed('k', new SessionWindow(0, 5)));
    await store.close();

    const ctx2 = context();
    const restored = await sessionStore(ctx2, true);
    ctx2.restore('s', ctx.logged.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp })));
    expect([...restored.fetch('k')].map((kv) => `${kv.key.toString()}=${kv.value}`)).toEqual(['[k@20/30]=3']);
    expect([...restored.findSessions(0, 100)].map((kv) => kv.key.toString())).toEqual(['[k@20/30]']);
    await restored.close();
  });
});
