import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../../examples/word-count.js';
import { Consumed, Materialized, StreamBuilder } from '../../../src/dsl/index.js';
import { Serdes } from '../../../src/serdes/serdes.js';
import { partitionForKey } from '../../../src/runtime/kafka/default-partitioner.js';
import { HostInfo } from '../../../src/runtime/metadata/host-info.js';
import { KeyQueryMetadata } from '../../../src/runtime/metadata/streams-metadata.js';
import { StreamsMetadataState } from '../../../src/runtime/metadata/streams-metadata-state.js';
import { planTopics } from '../../../src/runtime/topic-plan.js';

const S = Serdes.String();
// Word count: sub-topology 0 reads text-lines (2 partitions) and writes the repartition
// topic; sub-topology 1 reads it and counts into counts-store.
const topology = buildTopology();
const plan = planTopics(topology, 'wc', (topic) => (topic === 'text-lines' ? 2 : undefined));
const repartition = 'wc-counts-store-repartition';

function state(): StreamsMetadataState {
  const s = new StreamsMetadataState(topology, () => plan);
  s.update({ 'host-a:7001': ['0_0', '1_0'], 'host-b:7002': ['0_1', '1_1'] });
  return s;
}

describe('StreamsMetadataState (interactive-query metadata)', () => {
  it('lists each instance with the stores and input partitions of its tasks', () => {
    expect(plan.subtopologies.map((s) => s.sourceTopics)).toEqual([['text-lines'], [repartition]]);
    const [a, b] = state().all();
    expect(a!.hostInfo).toEqual(new HostInfo('host-a', 7001));
    expect([...a!.stateStoreNames]).toEqual(['counts-store']);
    expect(a!.topicPartitions).toEqual([
      { topic: 'text-lines', partition: 0 },
      { topic: repartition, partition: 0 },
    ]);
    expect(b!.topicPartitions).toEqual([
      { topic: 'text-lines', partition: 1 },
      { topic: repartition, partition: 1 },
    ]);
    expect(state().forStore('counts-store')).toHaveLength(2);
    expect(state().forStore('no-such-store')).toEqual([]);
  });

  it('finds the instance of a key with the default partitioner, as the repartitioned records were', () => {
    for (const word of ['kafka', 'streams', 'sea', 'a']) {
      const partition = partitionForKey(Buffer.from(word), 2);
      const metadata = state().forKey('counts-store', word, S.serializer(), null);
      expect(metadata).toEqual(new KeyQueryMetadata(new HostInfo(partition === 0 ? 'host-a' : 'host-b', partition === 0 ? 7001 : 7002), [], partition));
    }
  });

  it('uses a custom partitioner, and names the store when it answers out of range', () => {
    expect(state().forKey('counts-store', 'kafka', { partition: () => 1 }, null).activeHost).toEqual(new HostInfo('host-b', 7002));
    expect(() => state().forKey('counts-store', 'kafka', { partition: () => 2 }, null)).toThrow(
      /queryMetadataForKey\("counts-store"\): the partitioner returned 2 for a store with 2 partitions/,
    );
  });

  it('is NOT_AVAILABLE before the first assignment, for an unknown store, and for a task no instance with an endpoint holds', () => {
    const fresh = new StreamsMetadataState(topology, () => plan);
    expect(fresh.all()).toEqual([]);
    expect(fresh.forKey('counts-store', 'kafka', S.serializer(), null)).toBe(KeyQueryMetadata.NOT_AVAILABLE);
    expect(state().forKey('nope', 'kafka', S.serializer(), null)).toBe(KeyQueryMetadata.NOT_AVAILABLE);
    const half = new StreamsMetadataState(topology, () => plan);
    half.update({ 'host-a:7001': ['0_0', '1_0'] });
    expect(half.forKey('counts-store', 'x', { partition: () => 1 }, null)).toBe(KeyQueryMetadata.NOT_AVAILABLE);
    expect(KeyQueryMetadata.NOT_AVAILABLE).toEqual(new KeyQueryMetadata(new HostInfo('unavailable', -1), [], -1));
  });

  it('answers a global store locally, and lists it on every instance', () => {
    const builder = new StreamBuilder();
    builder.globalTable('products', Consumed.with(S, S), Materialized.as('products-store'));
    builder.stream('orders', Consumed.with(S, S)).groupByKey().count(Materialized.as('order-counts'));
    const t = builder.build();
    const p = planTopics(t, 'shop', () => 1);
    const s = new StreamsMetadataState(t, () => p);
    const orders = p.subtopologies[0]!.id; // the global table's sub-topology has no tasks
    s.update({ 'a:1': [`${orders}_0`], 'b:2': [] });
    expect(s.forKey('products-store', 'p1', S.serializer(), new HostInfo('b', 2))).toEqual(new KeyQueryMetadata(new HostInfo('b', 2), [], -1));
    expect(s.all().map((m) => [...m.stateStoreNames].sort())).toEqual([['order-counts', 'products-store'], ['products-store']]);
  });

  it('parses endpoints, rejecting what is not host:port', () => {
    expect(HostInfo.parse('localhost:8080')).toEqual(new HostInfo('localhost', 8080));
    expect(HostInfo.parse('[::1]:80').host).toBe('[::1]');
    for (const bad of ['localhost', ':80', 'h:port', 'h:70000']) expect(() => HostInfo.parse(bad)).toThrow(/applicationServer must be "host:port"/);
  });
});
