import { afterEach, describe, expect, it } from 'vitest';
import { Headers } from '../../../src/processor/headers.js';
import { Serdes } from '../../../src/serdes/serdes.js';
import { SuppressionBufferBuilder } from '../../../src/state/builders/suppression-buffer-builder.js';
import type { BufferEviction } from '../../../src/state/time-ordered-key-value-buffer.js';
import type { RecordContext } from '../../../src/state/state-store-context.js';
import { FakeStoreContext } from '../fake-store-context.js';

const contexts: FakeStoreContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.cleanup()));
});

async function buffer(logging = true) {
  const ctx = new FakeStoreContext();
  contexts.push(ctx);
  let builder = new SuppressionBufferBuilder('buf', Serdes.String(), Serdes.Long());
  if (!logging) builder = builder.withLoggingDisabled();
  const store = builder.build();
  await store.init(ctx, store);
  return { ctx, store };
}

const rc = (timestamp: number, offset = 0n): RecordContext => ({ timestamp, offset, topic: 'in', partition: 0, headers: new Headers({ h: 'x' }) });
const evictAll = (store: Awaited<ReturnType<typeof buffer>>['store']): string[] => {
  const out: string[] = [];
  store.evictWhile(() => true, (e: BufferEviction<string, number>) => out.push(`${e.key}=${e.newValue}<-${e.oldValue}@${e.recordContext.timestamp}`));
  return out;
};

describe('suppression buffer (InMemoryTimeOrderedKeyValueBuffer)', () => {
  it('orders by buffer time then key; a key buffered again keeps its time', async () => {
    const { store } = await buffer();
    store.put(20, 'b', 1, null, rc(5));
    store.put(10, 'z', 1, null, rc(6));
    store.put(20, 'a', 1, null, rc(7));
    store.put(99, 'z', 2, 1, rc(8)); // replaces z, still at time 10
    expect(store.numRecords()).toBe(3);
    expect(store.minTimestamp()).toBe(10);
    expect(evictAll(store)).toEqual(['z=2<-1@8', 'a=1<-null@7', 'b=1<-null@5']);
    expect(store.numRecords()).toBe(0);
    expect(store.minTimestamp()).toBe(Number.POSITIVE_INFINITY);
    expect(store.bufferSize()).toBe(0);
  });

  it("logs dirty keys on flush in Java's version-3 format (header v=3), tombstones for evicted keys", async () => {
    const { ctx, store } = await buffer();
    store.put(10, 'k', 2, 1, rc(3, 42n));
    store.flush();
    const [record] = ctx.logged;
    expect(record!.topic).toBe('app-buf-changelog');
    expect(record!.key.toString()).toBe('k');
    expect(record!.headers.lastHeader('v')!.value).toEqual(Buffer.from([3]));
    const hex = record!.value!.toString('hex');
    // context: ts(8) offset(8) topic(4+2) partition(4) headers(4 + 4+1 + 4+1)
    expect(hex.startsWith('0000000000000003' + '000000000000002a' + '00000002' + '696e' + '00000000' + '00000001' + '00000001' + '68' + '00000001' + '78')).toBe(true);
    // prior (= old value 1), old as "same as prior" (-2), new 2, buffer time 10
    expect(hex.endsWith('00000008' + '0000000000000001' + 'fffffffe' + '00000008' + '0000000000000002' + '000000000000000a')).toBe(true);
    store.evictWhile(() => true, () => undefined);
    store.flush();
    expect(ctx.logged[1]!.value).toBeNull();
  });

  it('restores buffered entries (and evictions) from its changelog', async () => {
    const a = await buffer();
    a.store.put(10, 'x', 1, null, rc(1));
    a.store.put(5, 'y', 7, 6, rc(2));
    a.store.flush();
    a.store.evictWhile(() => a.store.minTimestamp() <= 5, () => undefined);
    a.store.flush();
    const b = await buffer();
    b.ctx.restore('buf', a.ctx.logged.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestamp })));
    expect(evictAll(b.store)).toEqual(['x=1<-null@1']);
  });

  it('logs nothing without a changelog', async () => {
    const { ctx, store } = await buffer(false);
    store.put(1, 'k', 1, null, rc(1));
    store.flush();
    expect(ctx.logged).toEqual([]);
  });
});
