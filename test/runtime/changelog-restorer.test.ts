// Restoration stops when its task is taken away (between fetches, after the checkpoint in
// flight is written) and waits while the client is paused. The reader and admin are
// stand-ins (this tests the restorer's loop).
import { describe, expect, it } from 'vitest';
import { EMPTY_HEADERS } from '../../src/processor/headers.js';
import { restoreChangelogs } from '../../src/runtime/changelog-restorer.js';
import type { StateRestoreListener } from '../../src/runtime/state-restore-listener.js';
import type { EngineAdmin, EnginePartitionReader, ReaderFetch } from '../../src/runtime/kafka/engine.js';
import type { ConsumedBytes } from '../../src/runtime/task/consumed-record.js';

const TOPIC = 'app-store-changelog';
const KEY = `${TOPIC}-0`;

/** A changelog of `end` records, served one record per fetch. */
function oneRecordPerFetch(end: number): EnginePartitionReader {
  let position = 0n;
  return {
    assign: async () => undefined,
    seek: () => undefined,
    position: () => position,
    fetch: async (): Promise<ReaderFetch> => {
      const record: ConsumedBytes = { topic: TOPIC, partition: 0, offset: position, timestamp: 0, key: Buffer.from('k'), value: Buffer.from(String(position)), headers: EMPTY_HEADERS };
      position++;
      return { records: new Map([[KEY, [record]]]), positions: new Map([[KEY, position]]), lastStableOffsets: new Map([[KEY, BigInt(end)]]) };
    },
    close: async () => undefined,
  };
}

describe('restoreChangelogs', () => {
  it('stops between fetches once aborted, after the checkpoint in flight is written', async () => {
    const admin = { endOffsets: async () => new Map([[KEY, 100n]]) } as unknown as EngineAdmin;
    const abort = new AbortController();
    const restored: string[] = [];
    const checkpoints: string[] = [];
    const restoring = restoreChangelogs(
      [{ storeName: 'store', topic: TOPIC, partition: 0, checkpointed: undefined, restore: (rs) => restored.push(...rs.map((r) => r.value!.toString())) }],
      admin,
      oneRecordPerFetch(100),
      async (offsets) => {
        await new Promise((r) => setTimeout(r, 5));
        checkpoints.push(`written ${offsets.get(KEY)}`);
        if (offsets.get(KEY) === 2n) abort.abort(); // taken away while offset 2 is checkpointed
      },
      { signal: abort.signal },
    );
    await expect(restoring).rejects.toMatchObject({ name: 'AbortError' });
    // Offset 3 was applied while 2 was being written; the next fetch saw the abort, waited for
    // 3's checkpoint (data applied is never left unrecorded) and stopped: 4..99 never restored.
    expect(restored).toEqual(['0', '1', '2', '3']);
    expect(checkpoints).toEqual(['written 0', 'written 1', 'written 2', 'written 3']);
  });

  it('restores to the end when not aborted', async () => {
    const admin = { endOffsets: async () => new Map([[KEY, 3n]]) } as unknown as EngineAdmin;
    const restored: string[] = [];
    const total = await restoreChangelogs(
      [{ storeName: 'store', topic: TOPIC, partition: 0, checkpointed: undefined, restore: (rs) => restored.push(...rs.map((r) => r.value!.toString())) }],
      admin,
      oneRecordPerFetch(3),
      async () => undefined,
    );
    expect(total).toBe(3);
    expect(restored).toEqual(['0', '1', '2']);
  });

  it('tells a restore listener each partition\'s start, batches and end (or suspension), as Java\'s', async () => {
    const calls: string[] = [];
    const listener: StateRestoreListener = {
      onRestoreStart: (tp, store, start, end) => calls.push(`start ${tp.topic}-${tp.partition} ${store} ${start}..${end}`),
      onBatchRestored: (tp, store, last, n) => calls.push(`batch ${store} ${last} ${n}`),
      onRestoreEnd: (tp, store, total) => calls.push(`end ${store} ${total}`),
      onRestoreSuspended: (tp, store, total) => calls.push(`suspended ${store} ${total}`),
    };
    const target = (storeName: string, checkpointed: bigint | undefined) => ({ storeName, topic: TOPIC, partition: 0, checkpointed, restore: () => undefined });
    const admin = { endOffsets: async () => new Map([[KEY, 3n]]) } as unknown as EngineAdmin;
    await restoreChangelogs([target('store', undefined)], admin, oneRecordPerFetch(3), async () => undefined, { listener });
    // A store already at the end starts and ends at once.
    await restoreChangelogs([target('current', 2n)], admin, oneRecordPerFetch(3), async () => undefined, { listener });
    const abort = new AbortController();
    const checkpoint = async (offsets: ReadonlyMap<string, bigint>): Promise<void> => void (offsets.get(KEY) === 1n && abort.abort());
    await expect(restoreChangelogs([target('moved', undefined)], admin, oneRecordPerFetch(3), checkpoint, { listener, signal: abort.signal })).rejects.toThrow();
    expect(calls).toEqual([
      `start ${KEY} store 0..3`, 'batch store 0 1', 'batch store 1 1', 'batch store 2 1', 'end store 3',
      `start ${KEY} current 3..3`, 'end current 0',
      `start ${KEY} moved 0..3`, 'batch moved 0 1', 'batch moved 1 1', 'suspended moved 2',
    ]);
  });

  it('waits while paused: before it starts (no listener call, ends asked after) and between fetches', async () => {
    let paused = true;
    const calls: string[] = [];
    const admin = {
      endOffsets: async () => {
        calls.push('ends');
        return new Map([[KEY, 4n]]);
      },
    } as unknown as EngineAdmin;
    const listener: StateRestoreListener = {
      onRestoreStart: () => calls.push('start'),
      onBatchRestored: (_tp, _store, last) => calls.push(`batch ${last}`),
      onRestoreEnd: (_tp, _store, total) => calls.push(`end ${total}`),
    };
    const restoring = restoreChangelogs(
      [{ storeName: 'store', topic: TOPIC, partition: 0, checkpointed: undefined, restore: () => undefined }],
      admin,
      oneRecordPerFetch(4),
      async (offsets) => {
        calls.push(`written ${offsets.get(KEY)}`);
        if (offsets.get(KEY) === 1n) paused = true; // paused again after two records
      },
      { listener, paused: () => paused },
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toEqual([]);
    paused = false;
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toEqual(['ends', 'start', 'batch 0', 'written 0', 'batch 1', 'written 1']);
    paused = false;
    await restoring;
    expect(calls.slice(6)).toEqual(['batch 2', 'written 2', 'batch 3', 'written 3', 'end 4']);
  });

  it('stops when aborted while paused', async () => {
    const admin = { endOffsets: async () => new Map([[KEY, 4n]]) } as unknown as EngineAdmin;
    const abort = new AbortController();
    const restoring = restoreChangelogs(
      [{ storeName: 'store', topic: TOPIC, partition: 0, checkpointed: undefined, restore: () => undefined }],
      admin,
      oneRecordPerFetch(4),
      async () => undefined,
      { signal: abort.signal, paused: () => true },
    );
    setTimeout(() => abort.abort(), 150);
    await expect(restoring).rejects.toMatchObject({ name: 'AbortError' });
  });
});
