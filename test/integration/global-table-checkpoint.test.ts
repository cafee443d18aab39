// Global tables on the real broker: a restart on the same state folder reads on from the
// checkpointed offsets instead of the whole topic, and a checkpoint the topic no longer
// holds (records deleted) drops the local state and rebuilds it.
import { afterAll, describe, expect, it } from 'vitest';
import { Materialized, Serdes, StreamBuilder } from '../../src/index.js';
import type { ReadOnlyKeyValueStore, ValueAndTimestamp } from '../../src/index.js';
import type { KafkaStreams } from '../../src/runtime/kafka-streams.js';
import { KafkaAdmin } from '../../src/runtime/kafka/kafka-admin.js';
import { createTopics, uniqueName } from './kafka.js';
import { clientOptions, testKafka } from './kafka-test-support.js';
import { produce } from './topic-io.js';
import { newStateDir, removeStateDirs, streamsFor } from './runtime-support.js';

afterAll(removeStateDirs);

const S = Serdes.String();

/** Starts an instance with a global table over `table`; resolves with it and the records its global bootstrap read. */
async function start(table: string, input: string, applicationId: string, stateDir: string): Promise<{ streams: KafkaStreams; restored: number[]; listened: string[] }> {
  const builder = new StreamBuilder();
  builder.globalTable<string, string>(table, Materialized.as('g-store'));
  builder.stream<string, string>(input).to(`${input}-out`);
  const streams = streamsFor(builder.build({ defaultKeySerde: S, defaultValueSerde: S }), { applicationId, stateDir });
  const restored: number[] = [];
  streams.events$.subscribe((e) => {
    if (e.type === 'restore-end' && e.taskId === 'global') restored.push(e.restored);
  });
  const listened: string[] = [];
  streams.setGlobalStateRestoreListener({
    onRestoreStart: (tp, store, start, end) => listened.push(`start ${store} ${tp.partition} ${start}..${end}`),
    onBatchRestored: () => undefined,
    onRestoreEnd: (tp, store, total) => listened.push(`end ${store} ${tp.partition} ${total}`),
  });
  await streams.start(); // resolves once the global topics were read to their end
  return { streams, restored, listened };
}

function contents(streams: KafkaStreams): Record<string, string> {
  const store = streams.store<ReadOnlyKeyValueStore<string, ValueAndTimestamp<string>>>('g-store');
  return Object.fromEntries([...store.all()].map(({ key, value }) => [key, value.value]));
}

describe('runtime: global table checkpoints', () => {
  it('restarts from the checkpoint, and rebuilds when the topic no longer holds it', async () => {
    const table = uniqueName('gcp-table');
    const input = uniqueName('gcp-in');
    await createTopics([{ topic: table, numPartitions: 2 }, { topic: input, numPartitions: 1 }, { topic: `${input}-out`, numPartitions: 1 }]);
    const applicationId = uniqueName('gcp-app');
    const stateDir = newStateDir();
    await produce(table, ['a', 'b', 'c', 'd'].map((k, i) => ({ key: k, value: 'v1', partition: i % 2 })));

    const first = await start(table, input, applicationId, stateDir);
    expect(first.restored).toEqual([4]);
    expect(contents(first.streams)).toEqual({ a: 'v1', b: 'v1', c: 'v1', d: 'v1' });
    expect(await first.streams.close({ timeoutMs: 20_000 })).toBe(true);

    // While it was down: one update and one tombstone (partition 0 holds a and c).
    await produce(table, [
      { key: 'a', value: 'v2', partition: 0 },
      { key: 'c', value: null, partition: 0 },
    ]);
    const second = await start(table, input, applicationId, stateDir);
    expect(second.restored).toEqual([2]); // only what came after the checkpoint
    // The restore listener hears of each partition: partition 0 read on from its checkpoint.
    expect(second.listened.sort()).toEqual(['end g-store 0 2', 'end g-store 1 0', 'start g-store 0 2..4', 'start g-store 1 2..2']);
    expect(contents(second.streams)).toEqual({ a: 'v2', b: 'v1', d: 'v1' });
    expect(await second.streams.close({ timeoutMs: 20_000 })).toBe(true);

    // Partition 1's records are deleted past the checkpoint (as retention would), and one new
    // record follows: the checkpointed offset is gone, so the state is rebuilt from the topic.
    await produce(table, [{ key: 'e', value: 'v1', partition: 1 }]);
    const admin = new KafkaAdmin(testKafka(), clientOptions());
    try {
      await admin.deleteRecords(table, new Map([[1, 3n]]));
    } finally {
      await admin.close();
    }
    const third = await start(table, input, applicationId, stateDir);
    expect(third.restored).toEqual([4]); // partition 0 whole (4 records) + nothing left on 1
    expect(contents(third.streams)).toEqual({ a: 'v2' }); // b, d (deleted records) are gone with the old state
    expect(await third.streams.close({ timeoutMs: 20_000 })).toBe(true);
  }, 90_000);
});
