import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KafkaStreams } from '../../src/runtime/kafka-streams.js';
import { StreamsState } from '../../src/runtime/streams-state.js';
import { Topology } from '../../src/topology/topology.js';
import { Serdes } from '../../src/serdes/serdes.js';
import { Stores } from '../../src/state/stores.js';
import type { Processor } from '../../src/processor/processor.js';
import type { ProcessorContext } from '../../src/processor/processor-context.js';
import type { Record } from '../../src/processor/record.js';
import type { KeyValueStore } from '../../src/state/key-value-store.js';
import type { ReadOnlyKeyValueStore } from '../../src/state/key-value-store.js';
import { createTopics, kafkaBootstrap, uniqueName } from './kafka.js';
import { latestByKey, produce, readUntil } from './topic-io.js';

const S = Serdes.String();
const L = Serdes.Long();
const stateDirs: string[] = [];
afterAll(() => stateDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

class Count implements Processor<string, string, string, number> {
  private store!: KeyValueStore<string, number>;
  private ctx!: ProcessorContext<string, number>;
  init(ctx: ProcessorContext<string, number>) {
    this.ctx = ctx;
    this.store = ctx.getStateStore('counts');
  }
  process(r: Record<string, string>) {
    const n = (this.store.get(r.key) ?? 0) + 1;
    this.store.put(r.key, n);
    this.ctx.forward(r.withValue(n));
  }
}

function countingTopology(input: string, output: string): Topology {
  return new Topology()
    .addSource('src', S.deserializer(), S.deserializer(), input)
    .addProcessor('count', () => new Count(), 'src')
    .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('counts'), S, L), 'count')
    .addSink('sink', output, S.serializer(), L.serializer(), 'count');
}

function app(applicationId: string, input: string, output: string, stateDir: string, eos = false): KafkaStreams {
  return new KafkaStreams(countingTopology(input, output), {
    applicationId,
    bootstrapServers: kafkaBootstrap(),
    stateDir,
    commitIntervalMs: 200,
    processingGuarantee: eos ? 'exactly_once_v2' : 'at_least_once',
  });
}

const records = (keys: number, perKey: number) =>
  Array.from({ length: keys * perKey }, (_, i) => ({ key: `k${i % keys}`, value: `v${i}` }));

describe('KafkaStreams on a real broker (Processor API)', () => {
  it('counts per key over 2 partitions, restores after local state is deleted, and continues exactly', async () => {
    const input = uniqueName('count-in');
    const output = uniqueName('count-out');
    const applicationId = uniqueName('count-app');
    await createTopics([{ topic: input, numPartitions: 2 }, { topic: output, numPartitions: 2 }]);
    const stateDir = mkdtempSync(join(tmpdir(), 'kstreams-it-'));
    stateDirs.push(stateDir);

    const first = app(applicationId, input, output, stateDir);
    const states: StreamsState[] = [];
    first.state$.subscribe((s) => states.push(s));
    const changes: string[] = [];
    first.setStateListener((to, from) => changes.push(`${from}->${to}`));
    await first.start();
    expect(() => first.setStateListener(() => undefined)).toThrow(/before start/);
    await produce(input, records(10, 20));
    const out1 = await readUntil(output, (rs) => rs.length >= 200);
    expect([...latestByKey(out1, (b) => Number(b.readBigInt64BE(0))).values()]).toEqual(Array(10).fill(20));
    const store = first.store<ReadOnlyKeyValueStore<string, number>>('counts');
    expect(store.get('k3')).toBe(20);
    expect(await first.close()).toBe(true);
    expect(states).toContain(StreamsState.RUNNING);
    expect(states.at(-1)).toBe(StreamsState.NOT_RUNNING);
    expect(changes).toContain('REBALANCING->RUNNING');
    expect(changes.at(-1)).toBe('PENDING_SHUTDOWN->NOT_RUNNING');

    // Restart without local state: counts come back from the changelog.
    const second = app(applicationId, input, output, stateDir);
    second.cleanUp();
    const restored: number[] = [];
    second.events$.subscribe((e) => e.type === 'restore-end' && restored.push(e.restored));
    const listened = new Map<string, string>();
    second.setGlobalStateRestoreListener({
      onRestoreStart: (tp, store, start, end) => listened.set(`${store} ${tp.partition}`, `${start}..${end}`),
      onBatchRestored: () => undefined,
      onRestoreEnd: (tp, store, total) => listened.set(`${store} ${tp.partition}`, `${listened.get(`${store} ${tp.partition}`)} ${total}`),
    });
    await second.start();
    await produce(input, records(10, 1));
    const out2 = await readUntil(output, (rs) => rs.length >= 210);
    expect([...latestByKey(out2, (b) => Number(b.readBigInt64BE(0))).values()]).toEqual(Array(10).fill(21));
    expect(restored.reduce((a, b) => a + b, 0)).toBe(200);
    // Each partition's changelog holds its keys' 20 updates each, restored from offset 0.
    expect([...listened.values()].map((s) => Number(s.split(' ')[1])).reduce((a, b) => a + b, 0)).toBe(200);
    expect([...listened.keys()].sort()).toEqual(['counts 0', 'counts 1']);
    expect([...listened.values()].every((s) => s.startsWith('0..'))).toBe(true);
    await second.close();
  }, 90_000);

  it('counts exactly once: output and offsets in one transaction per task, state restored after a restart', async () => {
    const input = uniqueName('eos-in');
    const output = uniqueName('eos-out');
    const applicationId = uniqueName('eos-app');
    await createTopics([{ topic: input, numPartitions: 2 }, { topic: output, numPartitions: 2 }]);
    const stateDir = mkdtempSync(join(tmpdir(), 'kstreams-it-'));
    stateDirs.push(stateDir);
    const first = app(applicationId, input, output, stateDir, true);
    await first.start();
    await produce(input, records(5, 40));
    const out1 = await readUntil(output, (rs) => rs.length >= 200);
    expect(out1).toHaveLength(200);
    expect([...latestByKey(out1, (b) => Number(b.readBigInt64BE(0))).values()]).toEqual(Array(5).fill(40));
    await first.close();
    const second = app(applicationId, input, output, stateDir, true);
    second.cleanUp();
    await second.start();
    await produce(input, records(5, 2));
    const out2 = await readUntil(output, (rs) => rs.length >= 210);
    expect([...latestByKey(out2, (b) => Number(b.readBigInt64BE(0))).values()]).toEqual(Array(5).fill(42));
    await second.close();
  }, 90_000);

  it('fails clearly when a source topic is missing', async () => {
    const streams = app(uniqueName('missing-app'), uniqueName('no-such-topic'), uniqueName('out'), mkdtempSync(join(tmpdir(), 'kstreams-it-')));
    await expect(streams.start()).rejects.toThrow(/Source topic\(s\) missing: no-such-topic/);
    expect(streams.state).toBe(StreamsState.ERROR);
  });
});
