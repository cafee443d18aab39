import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaskDb } from '../../../src/state/leveldb/task-db.js';
import { b, TEST_DB_OPTIONS } from '../fake-store-context.js';

const str = (v: Buffer | undefined): string | undefined => v?.toString('utf8');

describe('TaskDb', () => {
  let dir: string;
  let db: TaskDb;

  beforeEach(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'kstreams-taskdb-')), 'leveldb');
    db = await TaskDb.open(dir, TEST_DB_OPTIONS);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await db.close();
    await TaskDb.destroy(join(dir, '..'));
  });

  const reopen = async (): Promise<void> => {
    await db.close();
    db = await TaskDb.open(dir, TEST_DB_OPTIONS);
  };

  it('serves writes from the dirty buffer before any checkpoint', () => {
    db.put(b('k'), b('v'));
    expect(str(db.get(b('k')))).toBe('v');
    db.delete(b('k'));
    expect(db.get(b('k'))).toBeUndefined();
    expect(db.dirtyBytes).toBeGreaterThan(0);
  });

  it('keeps data and offsets across close/reopen after a checkpoint', async () => {
    db.put(b('k1'), b('v1'));
    db.put(b('k2'), b('v2'));
    await db.checkpoint(new Map([['app-s-changelog-0', 42n]]));
    expect(db.dirtyBytes).toBe(0);
    await reopen();
    expect(str(db.get(b('k1')))).toBe('v1');
    expect(str(db.get(b('k2')))).toBe('v2');
    expect(await db.readCheckpoint()).toEqual(new Map([['app-s-changelog-0', 42n]]));
  });

  it('drops writes that were never checkpointed (a dirty close)', async () => {
    db.put(b('kept'), b('1'));
    await db.checkpoint(new Map([['t-0', 1n]]));
    db.put(b('lost'), b('2'));
    db.delete(b('kept'));
    await reopen();
    expect(str(db.get(b('kept')))).toBe('1');
    expect(db.get(b('lost'))).toBeUndefined();
    expect(await db.readCheckpoint()).toEqual(new Map([['t-0', 1n]]));
  });

  it('writes the dirty buffer and the offsets in one atomic batch', async () => {
    const proto = chainedBatchPrototype(db);
    const put = vi.spyOn(proto, '_put');
    const del = vi.spyOn(proto, '_del');
    const write = vi.spyOn(proto, '_write');
    db.put(b('a'), b('1'));
    db.put(b('b'), b('2'));
    db.delete(b('c'));
    await db.checkpoint(new Map([['t-0', 7n], ['t-1', 9n]]));
    expect(write).toHaveBeenCalledTimes(1);
    const order = (spy: typeof put | typeof del, i: number): number => spy.mock.invocationCallOrder[i]!;
    const calls = [
      ...put.mock.calls.map((c, i) => ({ at: order(put, i), op: `put:${c[0].toString('latin1')}` })),
      ...del.mock.calls.map((c, i) => ({ at: order(del, i), op: `del:${c[0].toString('latin1')}` })),
    ].sort((x, y) => x.at - y.at);
    expect(calls.map((c) => c.op)).toEqual([
      'put:a',
      'put:b',
      'del:c',
      'put:\x00checkpoint\x00t-0',
      'put:\x00checkpoint\x00t-1',
    ]);
  });

  it('serves reads from an in-flight checkpoint and keeps writes made meanwhile', async () => {
    db.put(b('a'), b('1'));
    db.put(b('b'), b('1'));
    const done = db.checkpoint(new Map([['t-0', 1n]]));
    // The batch has not completed: values come from the in-flight snapshot.
    expect(str(db.get(b('a')))).toBe('1');
    db.put(b('b'), b('2'));
    db.put(b('c'), b('2'));
    expect(str(db.get(b('b')))).toBe('2');
    await done;
    expect(str(db.get(b('a')))).toBe('1');
    expect(str(db.get(b('b')))).toBe('2');
    expect(str(db.get(b('c')))).toBe('2');
    await db.checkpoint(new Map([['t-0', 2n]]));
    await reopen();
    expect(str(db.get(b('b')))).toBe('2');
    expect(str(db.get(b('c')))).toBe('2');
    expect(await db.readCheckpoint()).toEqual(new Map([['t-0', 2n]]));
  });

  it('completes overlapping checkpoints in call order with their own snapshots', async () => {
    db.put(b('k'), b('1'));
    const first = db.checkpoint(new Map([['t-0', 1n]]));
    db.put(b('k'), b('2'));
    const second = db.checkpoint(new Map([['t-0', 2n]]));
    await Promise.all([first, second]);
    await reopen();
    expect(str(db.get(b('k')))).toBe('2');
    expect(await db.readCheckpoint()).toEqual(new Map([['t-0', 2n]]));
  });

  it('after a failed batch keeps the writes readable and refuses further checkpoints', async () => {
    vi.spyOn(chainedBatchPrototype(db), '_write').mockRejectedValueOnce(new Error('disk full'));
    db.put(b('k'), b('1'));
    await expect(db.checkpoint(new Map([['t-0', 1n]]))).rejects.toThrow(/close the task dirty/);
    expect(str(db.get(b('k')))).toBe('1');
    expect(db.dirtyBytes).toBeGreaterThan(0);
    await expect(db.checkpoint(new Map([['t-0', 1n]]))).rejects.toThrow(/close the task dirty/);
    await reopen();
    expect(db.get(b('k'))).toBeUndefined();
    expect(await db.readCheckpoint()).toEqual(new Map());
  });

  it('a checkpoint queued behind a failed one rejects and keeps its writes too', async () => {
    vi.spyOn(chainedBatchPrototype(db), '_write').mockRejectedValueOnce(new Error('disk full'));
    db.put(b('a'), b('1'));
    const first = db.checkpoint(new Map([['t-0', 1n]]));
    db.put(b('b'), b('2'));
    const second = db.checkpoint(new Map([['t-0', 2n]]));
    await expect(first).rejects.toThrow(/close the task dirty/);
    await expect(second).rejects.toThrow(/close the task dirty/);
    expect(str(db.get(b('a')))).toBe('1');
    expect(str(db.get(b('b')))).toBe('2');
    expect(db.dirtyBytes).toBeGreaterThan(0);
  });

  it('loads the keys and entries of a key space with buffered writes applied', async () => {
    const p = db.keySpace(b('p/'));
    const q = db.keySpace(b('q/'));
    expect(db.keySpace(b('p/'))).toBe(p);
    p.put('a', b('1'));
    p.put('b', b('2'));
    p.put('sub/x', b('4'));
    q.put('a', b('x'));
    await db.checkpoint(new Map());
    p.put('a', null);
    p.put('c', b('3'));
    expect((await db.loadKeysLatin1(p)).sort()).toEqual(['b', 'c', 'sub/x']);
    expect((await db.loadPrefix(p)).map(([k, v]) => `${k}=${v}`)).toEqual(['b=2', 'c=3', 'sub/x=4']);
    expect((await db.loadPrefix(p, b('sub/'))).map(([k, v]) => `${k}=${v}`)).toEqual(['sub/x=4']);
    // Full keys: the space prefix followed by the suffix.
    await db.checkpoint(new Map());
    await reopen();
    expect(str(db.get(b('p/c')))).toBe('3');
    expect(str(db.keySpace(b('q/')).get('a'))).toBe('x');
  });

  it('restoreBatch writes straight to LevelDB and invalidates cached reads', async () => {
    db.put(b('k'), b('old'));
    await db.checkpoint(new Map());
    expect(str(db.get(b('k')))).toBe('old');
    await db.restoreBatch([
      { key: b('k'), value: b('new') },
      { key: b('x'), value: b('1') },
    ]);
    expect(str(db.get(b('k')))).toBe('new');
    await db.restoreBatch([{ key: b('x'), value: null }]);
    expect(db.get(b('x'))).toBeUndefined();
    expect(db.dirtyBytes).toBe(0);
  });

  it('keeps its read cache within budget', async () => {
    await db.close();
    db = await TaskDb.open(dir, { ...TEST_DB_OPTIONS, readCacheBytes: 2_000 });
    for (let i = 0; i < 200; i++) db.put(b(`k${i}`), Buffer.alloc(100, i));
    await db.checkpoint(new Map());
    for (let i = 0; i < 200; i++) expect(db.get(b(`k${i}`))!.equals(Buffer.alloc(100, i))).toBe(true);
  });

  it('never evicts buffered writes, whatever the read-cache budget', async () => {
    await db.close();
    db = await TaskDb.open(dir, { ...TEST_DB_OPTIONS, readCacheBytes: 2_000 });
    for (let i = 0; i < 100; i++) db.put(b(`clean${i}`), Buffer.alloc(100, i));
    await db.checkpoint(new Map());
    for (let i = 0; i < 100; i++) db.put(b(`dirty${i}`), Buffer.alloc(100, i));
    const inFlight = db.checkpoint(new Map());
    for (let i = 0; i < 100; i++) db.put(b(`later${i}`), Buffer.alloc(100, i));
    // Reading 100 clean keys overflows the 2,000-byte budget many times over.
    for (let i = 0; i < 100; i++) expect(db.get(b(`clean${i}`))!.equals(Buffer.alloc(100, i))).toBe(true);
    for (let i = 0; i < 100; i++) expect(db.get(b(`dirty${i}`))!.equals(Buffer.alloc(100, i))).toBe(true);
    await inFlight;
    for (let i = 0; i < 100; i++) expect(db.get(b(`later${i}`))!.equals(Buffer.alloc(100, i))).toBe(true);
    await db.close();
    db = await TaskDb.open(dir, TEST_DB_OPTIONS);
    expect(db.get(b('dirty99'))!.equals(Buffer.alloc(100, 99))).toBe(true);
    expect(db.get(b('later0'))).toBeUndefined();
  });

  it('reads straight from LevelDB when the read cache is disabled', async () => {
    await db.close();
    db = await TaskDb.open(dir, { ...TEST_DB_OPTIONS, readCacheBytes: 0 });
    db.put(b('k'), b('v'));
    await db.checkpoint(new Map());
    expect(str(db.get(b('k')))).toBe('v');
    expect(db.get(b('absent'))).toBeUndefined();
  });

  it('rejects use after close', async () => {
    await db.close();
    expect(() => db.get(b('k'))).toThrow(/closed/);
    expect(() => db.put(b('k'), b('v'))).toThrow(/closed/);
    await expect(db.checkpoint(new Map())).rejects.toThrow(/closed/);
    db = await TaskDb.open(dir, TEST_DB_OPTIONS);
  });
});

/** classic-level's chained batch prototype: `TaskDb` writes each checkpoint as one chained batch. */
function chainedBatchPrototype(taskDb: TaskDb): {
  _put(key: Buffer, value: Buffer): void;
  _del(key: Buffer): void;
  _write(options: unknown): Promise<void>;
} {
  const probe = (taskDb as unknown as { db: ClassicLevel<Buffer, Buffer> }).db.batch();
  void probe.close();
  return Object.getPrototypeOf(probe) as ReturnType<typeof chainedBatchPrototype>;
}
