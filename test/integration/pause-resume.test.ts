// KafkaStreams.pause()/resume() (Java's KIP-834) against the real broker: a paused instance
// stays in its group and keeps its state, but processes and restores nothing until resumed.
import { afterAll, describe, expect, it } from 'vitest';
import { Consumed, Materialized, QueryableStoreTypes, Serdes, StoreQueryParameters, StreamBuilder, StreamsState, type StateRestoreListener } from '../../src/index.js';
import { createTopics, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import { eventually, newStateDir, removeStateDirs, running, streamsFor } from './runtime-support.js';

afterAll(removeStateDirs);

const S = Serdes.String();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('runtime: pause and resume', () => {
  it('processes nothing while paused (also when started paused), then carries on from where it stopped', async () => {
    const input = uniqueName('pause-in');
    await createTopics([{ topic: input, numPartitions: 2 }]);
    const builder = new StreamBuilder();
    builder.stream(input, Consumed.with(S, S)).groupByKey().count(Materialized.as('counts'));
    const streams = streamsFor(builder.build(), { applicationId: uniqueName('pause-app'), stateDir: newStateDir(), commitIntervalMs: 100 });
    const count = (key: string): number | null =>
      streams.store(StoreQueryParameters.fromNameAndType('counts', QueryableStoreTypes.keyValueStore<string, number>())).get(key);
    try {
      streams.pause();
      await streams.start();
      await produce(input, [
        { key: 'a', value: 'x' },
        { key: 'b', value: 'x' },
      ]);
      await sleep(2_000);
      // As in Java, a stateful topology started paused stays REBALANCING: its tasks do not restore.
      expect([streams.isPaused(), streams.state]).toEqual([true, StreamsState.REBALANCING]);

      streams.resume();
      expect(streams.isPaused()).toBe(false);
      await running(streams);
      await eventually(() => count('a') === 1 && count('b') === 1, 'counts after resume');

      streams.pause();
      await produce(input, [
        { key: 'a', value: 'x' },
        { key: 'a', value: 'x' },
      ]);
      await sleep(2_000);
      expect([count('a'), streams.state]).toEqual([1, StreamsState.RUNNING]);
      streams.resume();
      await eventually(() => count('a') === 3, 'counts after the second resume');
    } finally {
      await streams.close();
    }
  }, 90_000);

  it('restores nothing while paused: a task without local state restores its changelog after resume', async () => {
    const input = uniqueName('pause-restore-in');
    await createTopics([{ topic: input, numPartitions: 1 }]);
    const applicationId = uniqueName('pause-restore-app');
    const builder = new StreamBuilder();
    builder.stream(input, Consumed.with(S, S)).groupByKey().count(Materialized.as('counts'));
    const topology = builder.build();
    await produce(input, Array.from({ length: 30 }, (_, i) => ({ key: `k${i % 3}`, value: 'x' })));
    const first = streamsFor(topology, { applicationId, stateDir: newStateDir(), commitIntervalMs: 100 });
    try {
      await first.start();
      await running(first);
      const firstCount = (key: string): number | null =>
        first.store(StoreQueryParameters.fromNameAndType('counts', QueryableStoreTypes.keyValueStore<string, number>())).get(key);
      await eventually(() => firstCount('k0') === 10 && firstCount('k1') === 10 && firstCount('k2') === 10, 'counts of the first instance');
    } finally {
      await first.close();
    }

    // Same application, empty state folder: the task restores `counts` from its changelog.
    const restores: string[] = [];
    const listener: StateRestoreListener = {
      onRestoreStart: (_tp, store) => restores.push(`start ${store}`),
      onBatchRestored: () => undefined,
      onRestoreEnd: (_tp, store, total) => restores.push(`end ${store} ${total}`),
    };
    const second = streamsFor(topology, { applicationId, stateDir: newStateDir(), commitIntervalMs: 100 });
    second.setGlobalStateRestoreListener(listener);
    const lag = async (): Promise<number | undefined> => (await second.allLocalStorePartitionLags()).get('counts')?.get(0)?.offsetLag;
    try {
      second.pause();
      await second.start();
      await sleep(2_000);
      const lagBefore = await lag();
      await sleep(2_000);
      // As Java's pausedTopologyShouldNotRestoreStateStores: the lag stays where it was.
      expect([restores, second.state, lagBefore !== undefined && lagBefore > 0, await lag()]).toEqual([[], StreamsState.REBALANCING, true, lagBefore]);
      second.resume();
      await running(second);
      expect(restores[0]).toBe('start counts');
      expect(restores[1]).toMatch(/^end counts \d+$/);
      const count = (key: string): number | null =>
        second.store(StoreQueryParameters.fromNameAndType('counts', QueryableStoreTypes.keyValueStore<string, number>())).get(key);
      expect([count('k0'), count('k1'), count('k2')]).toEqual([10, 10, 10]);
    } finally {
      await second.close();
    }
  }, 90_000);
});
