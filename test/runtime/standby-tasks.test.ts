// Standby replicas against a stand-in admin and changelog reader (this tests StandbyTasks,
// not the Kafka client); the stores are real LevelDB stores in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTopology } from '../../examples/word-count.js';
import { EMPTY_HEADERS } from '../../src/processor/headers.js';
import { Serdes } from '../../src/serdes/serdes.js';
import type { EngineAdmin, EnginePartitionReader, ReaderFetch } from '../../src/runtime/kafka/engine.js';
import type { StandbyUpdateListener } from '../../src/runtime/standby-update-listener.js';
import { StandbyTasks } from '../../src/runtime/standby-tasks.js';
import { resolveStreamsConfig } from '../../src/runtime/streams-config.js';
import type { StreamsEvent } from '../../src/runtime/streams-event.js';
import type { ConsumedBytes } from '../../src/runtime/task/consumed-record.js';
import { lockTaskDir } from '../../src/runtime/task/state-dir-lock.js';
import { planTopics } from '../../src/runtime/topic-plan.js';
import { TaskDb } from '../../src/state/leveldb/task-db.js';
import type { KeyValueStore } from '../../src/state/key-value-store.js';
import type { ValueAndTimestamp } from '../../src/state/value-and-timestamp.js';

// Word count over 2 partitions: task 1_p holds counts-store, whose changelog partition p is `log`.
const topology = buildTopology();
const plan = planTopics(topology, 'wc', (topic) => (topic === 'text-lines' ? 2 : undefined));
const CHANGELOG = 'wc-counts-store-changelog';
const long = (n: number): Buffer => Serdes.Long().serializer().serialize('', n)!;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Changelog partition 1 holds `log` (word, count) pairs, one record per fetch. */
function standbys(log: [string, number][], updateListener: StandbyUpdateListener | null = null): { standbys: StandbyTasks; stateDir: string; events: StreamsEvent[]; pause: { paused: boolean } } {
  const stateDir = mkdtempSync(join(tmpdir(), 'kstreams-standby-'));
  dirs.push(stateDir);
  const key = `${CHANGELOG}-1`;
  let position = 0n;
  const reader: EnginePartitionReader = {
    assign: async (offsets) => {
      const start = offsets.get(key) ?? 0n;
      position = start < 0n ? 0n : start;
    },
    seek: () => undefined,
    position: () => position,
    fetch: async (): Promise<ReaderFetch> => {
      const end = BigInt(log.length);
      if (position >= end) return { records: new Map(), positions: new Map([[key, position]]), lastStableOffsets: new Map([[key, end]]) };
      const [word, count] = log[Number(position)]!;
      const record: ConsumedBytes = { topic: CHANGELOG, partition: 1, offset: position, timestamp: 5, key: Buffer.from(word), value: long(count), headers: EMPTY_HEADERS };
      position++;
      return { records: new Map([[key, [record]]]), positions: new Map([[key, position]]), lastStableOffsets: new Map([[key, end]]) };
    },
    close: async () => undefined,
  };
  const admin = {
    endOffsets: async () => new Map([[key, BigInt(log.length)], [`${CHANGELOG}-0`, 0n]]),
    committedOffsets: async () => new Map(),
  } as unknown as EngineAdmin;
  const events: StreamsEvent[] = [];
  const pause = { paused: false };
  const config = resolveStreamsConfig({ applicationId: 'wc', stateDir });
  return { standbys: new StandbyTasks({ topology, config, plan: () => plan, admin, newReader: () => reader, emit: (e) => events.push(e), isActive: () => false, paused: () => pause.paused, updateListener: () => updateListener }), stateDir, events, pause };
}

const counts = (s: StandbyTasks): KeyValueStore<string, ValueAndTimestamp<number>> =>
  s.stores('counts-store', 1)[0] as KeyValueStore<string, ValueAndTimestamp<number>>;

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
}

describe('StandbyTasks', () => {
  it('opens the assigned standbys and follows their changelogs; releases a task that becomes active here', async () => {
    const { standbys: s, stateDir } = standbys([['sea', 1], ['sky', 1], ['sea', 2]]);
    await s.update(['1_1']);
    expect(s.ids()).toEqual(['1_1']);
    await until(() => counts(s)?.get('sea')?.value === 2);
    expect(counts(s).get('sky')).toEqual({ value: 1, timestamp: 5 });
    expect(s.stores('counts-store', 0)).toEqual([]);

    await s.release('0_1'); // not a standby here: nothing to do
    await s.release('1_1');
    expect(s.ids()).toEqual([]);
    // Its folder is free for the active task, and holds the state the standby built.
    const unlock = lockTaskDir(join(stateDir, 'wc', '1_1'));
    unlock();
    await s.update(['1_1']);
    expect(counts(s).get('sea')?.value).toBe(2);
    await s.close();
  });

  it('waits for a task folder still locked here, and gives up the wait when closed', async () => {
    const { standbys: s, stateDir } = standbys([]);
    const unlock = lockTaskDir(join(stateDir, 'wc', '1_0'));
    const opening = s.update(['1_0']);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.ids()).toEqual(['1_0']);
    await s.close();
    await opening;
    expect(s.ids()).toEqual([]);
    unlock();
  });

  it('waits for an active task of the same id in this process to close its LevelDB', async () => {
    const { standbys: s, stateDir } = standbys([['sea', 1]]);
    const active = await TaskDb.open(join(stateDir, 'wc', '1_1', 'leveldb'));
    let opened = false;
    const opening = s.update(['1_1']).then(() => (opened = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(opened).toBe(false);
    await active.close();
    await opening;
    await until(() => counts(s)?.get('sea')?.value === 1);
    await s.close();
  });

  it('does not follow the changelogs while paused', async () => {
    const { standbys: s, pause } = standbys([['sea', 1], ['sea', 2]]);
    pause.paused = true;
    await s.update(['1_1']);
    await new Promise((r) => setTimeout(r, 300));
    expect(counts(s).get('sea')).toBeNull();
    pause.paused = false;
    await until(() => counts(s)?.get('sea')?.value === 2);
    await s.close();
  });

  it('tells a standby update listener: start once per partition, each batch, and why it stopped', async () => {
    const calls: string[] = [];
    const listener: StandbyUpdateListener = {
      onUpdateStart: (tp, store, start) => calls.push(`start ${tp.topic}-${tp.partition} ${store} ${start}`),
      onBatchLoaded: (tp, store, taskId, last, size, end) => calls.push(`batch ${taskId} ${store} ${last} ${size} of ${end}`),
      onUpdateSuspended: (tp, store, offset, end, reason) => calls.push(`suspended ${store} ${offset}/${end} ${reason}`),
    };
    const { standbys: s } = standbys([['sea', 1], ['sea', 2]], listener);
    await s.update(['1_1']);
    await until(() => counts(s)?.get('sea')?.value === 2);
    await new Promise((r) => setTimeout(r, 700)); // another round: no second start
    await s.release('1_1');
    expect(calls).toEqual([`start ${CHANGELOG}-1 counts-store 0`, 'batch 1_1 counts-store 0 1 of 2', 'batch 1_1 counts-store 1 1 of 2', 'suspended counts-store 2/2 PROMOTED']);
    calls.length = 0;
    await s.update(['1_1']);
    await until(() => calls.length > 0);
    await s.update([]);
    expect(calls).toEqual([`start ${CHANGELOG}-1 counts-store 2`, 'suspended counts-store 2/2 MIGRATED']);
    await s.close();
  });

  it('drops standbys no longer assigned', async () => {
    const { standbys: s, stateDir } = standbys([]);
    await s.update(['1_0', '1_1']);
    expect(s.ids().sort()).toEqual(['1_0', '1_1']);
    await s.update(['1_1']);
    expect(s.ids()).toEqual(['1_1']);
    lockTaskDir(join(stateDir, 'wc', '1_0'))();
    await s.close();
  });
});
