// KafkaStreams.pause()/resume() (Java's KIP-834) against the real broker: a paused instance
// stays in its group and keeps its state, but processes nothing until resumed.
import { afterAll, describe, expect, it } from 'vitest';
import { Consumed, Materialized, QueryableStoreTypes, Serdes, StoreQueryParameters, StreamBuilder, StreamsState } from '../../src/index.js';
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
      await running(streams);
      await produce(input, [
        { key: 'a', value: 'x' },
        { key: 'b', value: 'x' },
      ]);
      await sleep(2_000);
      expect([count('a'), count('b'), streams.isPaused(), streams.state]).toEqual([null, null, true, StreamsState.RUNNING]);

      streams.resume();
      expect(streams.isPaused()).toBe(false);
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
});
