// An in-memory store in a task that also has a LevelDB store: the task's checkpoint (kept in
// LevelDB) names the in-memory store's changelog too, yet after a restart that store starts
// empty and must be restored from the beginning.
import { afterAll, describe, expect, it } from 'vitest';
import { Consumed, Materialized, QueryableStoreTypes, Serdes, StoreQueryParameters, StreamBuilder, Stores } from '../../src/index.js';
import type { KafkaStreams } from '../../src/index.js';
import { createTopics, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import { eventually, newStateDir, removeStateDirs, running, streamsFor } from './runtime-support.js';

afterAll(removeStateDirs);

const S = Serdes.String();

describe('runtime: restart with an in-memory store beside a LevelDB one', () => {
  it('restores the in-memory store in full although the task checkpointed its changelog', async () => {
    const input = uniqueName('mem-in');
    const applicationId = uniqueName('mem-app');
    const stateDir = newStateDir();
    await createTopics([{ topic: input, numPartitions: 1 }]);
    const start = async (): Promise<KafkaStreams> => {
      const builder = new StreamBuilder();
      const grouped = builder.stream(input, Consumed.with(S, S)).groupByKey();
      grouped.count(Materialized.as('on-disk'));
      grouped.count(Materialized.as(Stores.inMemoryKeyValueStore('in-memory')));
      const streams = streamsFor(builder.build(), { applicationId, stateDir });
      await streams.start();
      await running(streams);
      return streams;
    };
    const counts = (streams: KafkaStreams, store: string) => streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore<string, number>()));

    const first = await start();
    await produce(input, [
      { key: 'a', value: 'x' },
      { key: 'a', value: 'x' },
      { key: 'b', value: 'x' },
    ]);
    await eventually(() => counts(first, 'in-memory').get('a') === 2 && counts(first, 'on-disk').get('b') === 1, 'first counts');
    expect(await first.close()).toBe(true); // a clean close checkpoints both changelogs

    const second = await start();
    try {
      await eventually(() => counts(second, 'on-disk').get('a') === 2, 'LevelDB store after restart');
      expect([counts(second, 'in-memory').get('a'), counts(second, 'in-memory').get('b')]).toEqual([2, 1]);
    } finally {
      await second.close();
    }
  }, 90_000);
});
