// Interactive-query metadata on the real broker: two instances with applicationServer set
// learn, through the group's assignment, which of them holds each key of a store.
import { afterAll, describe, expect, it } from 'vitest';
import { Consumed, Materialized, Produced, QueryableStoreTypes, Serdes, StoreQueryParameters, StreamBuilder } from '../../src/index.js';
import type { KafkaStreams, ReadOnlyKeyValueStore, ValueAndTimestamp } from '../../src/index.js';
import { createTopics, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import { eventually, L, long, newStateDir, removeStateDirs, running, streamsFor, waitForLatest } from './runtime-support.js';

afterAll(removeStateDirs);

const S = Serdes.String();

describe('runtime: interactive-query metadata (applicationServer)', () => {
  it('tells every instance which instance holds each key', async () => {
    const input = uniqueName('qm-in');
    const output = uniqueName('qm-out');
    const applicationId = uniqueName('qm-app');
    await createTopics([
      { topic: input, numPartitions: 2 },
      { topic: output, numPartitions: 1 },
    ]);
    const topology = (): ReturnType<StreamBuilder['build']> => {
      const builder = new StreamBuilder();
      builder.stream(input, Consumed.with(S, S)).groupByKey().count(Materialized.as('counts')).toStream().to(output, Produced.with(S, L));
      return builder.build();
    };
    const endpoints = ['localhost:7001', 'localhost:7002'];
    const instances: KafkaStreams[] = endpoints.map((applicationServer) => streamsFor(topology(), { applicationId, stateDir: newStateDir(), applicationServer }));
    try {
      for (const streams of instances) await streams.start();
      await Promise.all(instances.map((streams) => running(streams)));
      const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
      await produce(input, keys.map((key) => ({ key, value: 'x' })));
      await waitForLatest(output, long, new Map(keys.map((k) => [k, 1])));

      // Both instances have read the final assignment: one task each, under its own endpoint.
      await eventually(
        () =>
          instances.every((streams, i) => {
            const all = streams.metadataForAllStreamsClients();
            const mine = all.find((m) => m.hostInfo.toString() === endpoints[i]);
            const local = instances[i]!.metrics().tasks;
            return all.length === 2 && local.length === 1 && mine?.topicPartitions.map((tp) => `0_${tp.partition}`).join() === local.join();
          }),
        'metadata of both instances',
      );
      expect(instances[0]!.streamsMetadataForStore('counts').map((m) => [m.hostInfo.toString(), [...m.stateStoreNames]])).toEqual([
        ['localhost:7001', ['counts']],
        ['localhost:7002', ['counts']],
      ]);

      for (const key of keys) {
        const metadata = instances[0]!.queryMetadataForKey('counts', key, S.serializer());
        expect(instances[1]!.queryMetadataForKey('counts', key, S.serializer())).toEqual(metadata);
        const holder = endpoints.indexOf(metadata.activeHost.toString());
        expect(holder).toBeGreaterThanOrEqual(0);
        const stores = instances.map((streams) => streams.store<ReadOnlyKeyValueStore<string, ValueAndTimestamp<number>>>('counts'));
        expect(stores[holder]!.get(key)?.value).toBe(1);
        expect(stores[1 - holder]!.get(key)).toBeNull();
        // Java's typed query: plain values of the timestamped store, from the key's partition.
        const plain = StoreQueryParameters.fromNameAndType('counts', QueryableStoreTypes.keyValueStore<string, number>());
        expect(instances[holder]!.store(plain.withPartition(metadata.partition)).get(key)).toBe(1);
      }
    } finally {
      for (const streams of instances) expect(await streams.close()).toBe(true);
    }
  }, 120_000);
});
