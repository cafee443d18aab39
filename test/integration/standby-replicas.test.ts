// Standby replicas (numStandbyReplicas) on the real broker: each instance keeps a warm copy
// of the other's counts, readable as stale stores, and takes the other's tasks over without
// restoring their changelogs again.
import { afterAll, describe, expect, it } from 'vitest';
import { Consumed, Materialized, Produced, QueryableStoreTypes, Serdes, StoreQueryParameters, StreamBuilder } from '../../src/index.js';
import type { KafkaStreams, LagInfo, StreamsEvent } from '../../src/index.js';
import { createTopics, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import { eventually, L, long, newStateDir, removeStateDirs, running, streamsFor, waitForLatest } from './runtime-support.js';

afterAll(removeStateDirs);

const S = Serdes.String();
const KEYS = Array.from({ length: 100 }, (_, i) => `k${i}`);

describe('runtime: standby replicas', () => {
  it.each(['at_least_once', 'exactly_once_v2'] as const)('%s: keeps a warm copy on the other instance and hands tasks over without a full restore', async (processingGuarantee) => {
    const input = uniqueName('sb-in');
    const output = uniqueName('sb-out');
    const applicationId = uniqueName('sb-app');
    await createTopics([
      { topic: input, numPartitions: 2 },
      { topic: output, numPartitions: 1 },
    ]);
    const topology = (): ReturnType<StreamBuilder['build']> => {
      const builder = new StreamBuilder();
      // No cache: every update reaches the changelog, so a full restore would be ~1,000 records per task.
      builder.stream(input, Consumed.with(S, S)).groupByKey().count(Materialized.as('counts').withCachingDisabled()).toStream().to(output, Produced.with(S, L));
      return builder.build();
    };
    const endpoints = ['localhost:7101', 'localhost:7102'];
    const events: StreamsEvent[][] = [[], []];
    const instances: KafkaStreams[] = endpoints.map((applicationServer, i) => {
      const streams = streamsFor(topology(), { applicationId, stateDir: newStateDir(), applicationServer, numStandbyReplicas: 1, processingGuarantee });
      streams.events$.subscribe((e) => events[i]!.push(e));
      return streams;
    });
    const [a, b] = instances as [KafkaStreams, KafkaStreams];
    try {
      await a.start();
      await running(a);
      await b.start();
      await Promise.all(instances.map((streams) => running(streams)));
      await produce(input, Array.from({ length: 2000 }, (_, i) => ({ key: KEYS[i % KEYS.length]!, value: 'x' })));
      await waitForLatest(output, long, new Map(KEYS.map((k) => [k, 20])));

      // Every key is on both instances: in the active task on one, in the standby on the other.
      const stale = StoreQueryParameters.fromNameAndType('counts', QueryableStoreTypes.keyValueStore<string, number>()).enableStaleStores();
      await eventually(() => instances.every((streams) => KEYS.every((k) => streams.store(stale).get(k) === 20)), 'standby copies caught up');
      // Both partitions of the store are local on each instance, and neither copy lags once caught up.
      const lagsOf = async (streams: KafkaStreams): Promise<string> =>
        [...((await streams.allLocalStorePartitionLags()).get('counts') ?? new Map<number, LagInfo>())]
          .sort(([p], [q]) => p - q)
          .map(([partition, lag]) => `${partition}:${lag.offsetLag}`)
          .join(' ');
      for (let i = 0; i < 50 && (await lagsOf(b)) !== '0:0 1:0'; i++) await new Promise((r) => setTimeout(r, 100));
      expect([await lagsOf(a), await lagsOf(b)]).toEqual(['0:0 1:0', '0:0 1:0']);
      const metadata = a.queryMetadataForKey('counts', 'k1', S.serializer());
      expect(metadata.standbyHosts.map(String)).toEqual(endpoints.filter((e) => e !== metadata.activeHost.toString()));
      expect(a.metadataForAllStreamsClients().map((m) => [...m.standbyStateStoreNames])).toEqual([['counts'], ['counts']]);

      // a leaves: b takes its tasks over from the standby copies.
      const aTasks = a.metrics().tasks;
      expect(aTasks.length).toBeGreaterThan(0);
      const before = events[1]!.length;
      expect(await a.close()).toBe(true);
      // b opens a's tasks once its standbys gave their folders up: wait for their restores.
      const restoredSince = (): Extract<StreamsEvent, { type: 'restore-end' }>[] =>
        events[1]!.slice(before).filter((e): e is Extract<StreamsEvent, { type: 'restore-end' }> => e.type === 'restore-end' && aTasks.includes(e.taskId));
      await eventually(() => restoredSince().length === aTasks.length, "b restores a's tasks");
      const restored = restoredSince();
      expect(restored.map((e) => e.taskId).sort()).toEqual([...aTasks].sort());
      for (const e of restored) expect(e.restored).toBeLessThan(50);

      await produce(input, KEYS.map((key) => ({ key, value: 'y' })));
      await waitForLatest(output, long, new Map(KEYS.map((k) => [k, 21])));
    } finally {
      for (const streams of instances) await streams.close();
    }
  }, 120_000);
});
