// Windowed count with suppress(untilWindowCloses) on the real broker over 2 partitions:
// exactly one final result per window (late records dropped, out-of-order ones within grace
// counted), windowed keys partitioned by their plain key, windowed changelog configs, and
// the window store and suppression buffer restored from their changelogs after local state
// is lost.
import { afterAll, describe, expect, it } from 'vitest';
import { BufferConfig, Materialized, Produced, StreamBuilder, Suppressed, TimeWindows, WindowedSerdes, Serdes } from '../../src/index.js';
import { partitionForKey } from '../../src/runtime/kafka/default-partitioner.js';
import type { Topology } from '../../src/topology/topology.js';
import { createTopics, kafkaClient, uniqueName } from './kafka.js';
import { describeWindowedCount, produce, readUntil, type ReadRecord } from './topic-io.js';
import { newStateDir, removeStateDirs, running, streamsFor } from './runtime-support.js';

afterAll(removeStateDirs);

const S = Serdes.String();
const T = 1_700_000_000_000; // a whole second: windows start at T + n * 1000
const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'];
const windowKeys = WindowedSerdes.timeWindowedSerdeFrom(S, 1000);

function topology(input: string, output: string): Topology {
  const builder = new StreamBuilder();
  builder
    .stream(input)
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeAndGrace(1000, 500))
    .count(Materialized.as('win-counts'))
    .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName('final'))
    .toStream()
    .to(output, Produced.with(windowKeys, Serdes.Long()));
  return builder.build({ defaultKeySerde: S, defaultValueSerde: S });
}

/** `key@offset-from-T` on the key's partition (k0, k2, k4 -> 0; k1, k3, k5 -> 1). */
const rec = (key: string, at: number, partition = Number(key.slice(-1)) % 2) => ({ key, value: 'click', timestamp: T + at, partition });

/** `key@window-start(+T)=count` of one final result. */
const describeResult = (r: ReadRecord): string => describeWindowedCount(r, 1000, T);

describe('runtime: windowed count + suppress on the broker', () => {
  it('emits one final count per window and restores window store and buffer from changelogs', async () => {
    const input = uniqueName('win-in');
    const output = uniqueName('win-out');
    const applicationId = uniqueName('win-app');
    await createTopics([{ topic: input, numPartitions: 2 }, { topic: output, numPartitions: 2 }]);

    const records = [];
    for (let w = 0; w < 4; w++) {
      for (const offset of [100, 400, 900]) {
        for (const k of keys) records.push(rec(k, w * 1000 + offset));
        // stream time T+1100: windows [0,1000) are open until 1500, so these still count
        if (w === 1 && offset === 100) records.push(rec('k0', 950), rec('k1', 920));
      }
    }
    // stream time T+3900: [0,1000) closed at 1500, so these are dropped
    records.push(rec('k0', 300), rec('k1', 300));
    // close every window above (they end by 4000, + 500 grace) on both partitions
    records.push(rec('flush0', 10_000, 0), rec('flush1', 10_000, 1));

    const first = streamsFor(topology(input, output), { applicationId, stateDir: newStateDir() });
    await first.start();
    await running(first);
    await produce(input, records);
    const finals = await readUntil(output, (rs) => rs.length >= 24);
    expect(await first.close({ timeoutMs: 20_000 })).toBe(true);

    const expected = keys.flatMap((k) => [0, 1000, 2000, 3000].map((w) => `${k}@${w}=${(k === 'k0' || k === 'k1') && w === 0 ? 4 : 3}`));
    expect(finals.map(describeResult).sort()).toEqual(expected.sort());
    // Windowed keys go to the partition of their plain key.
    for (const r of finals) expect(r.partition).toBe(partitionForKey(Buffer.from(windowKeys.deserializer().deserialize('out', r.key)!.key, 'utf8'), 2));

    // Windowed changelogs: compact,delete with retention = size + grace + 1 day.
    const admin = kafkaClient().admin();
    await admin.connect();
    try {
      const described = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: 2, name: `${applicationId}-win-counts-changelog`, configNames: ['cleanup.policy', 'retention.ms'] }],
      });
      const entries = Object.fromEntries(described.resources[0]!.configEntries.map((e) => [e.configName, e.configValue]));
      expect(entries).toEqual({ 'cleanup.policy': 'compact,delete', 'retention.ms': String(1500 + 86_400_000) });
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(applicationId));
      expect(topics.sort()).toEqual([`${applicationId}-final-store-changelog`, `${applicationId}-win-counts-changelog`]);
    } finally {
      await admin.disconnect();
    }

    // Restart on a fresh state folder: the flush keys' windows (still buffered and open) come
    // back from the changelogs and are emitted once a later record closes them.
    const second = streamsFor(topology(input, output), { applicationId, stateDir: newStateDir() });
    await second.start();
    await running(second);
    await produce(input, [rec('k0', 10_300), rec('flush0', 20_000, 0), rec('flush1', 20_000, 1)]);
    const all = await readUntil(output, (rs) => rs.length >= 27);
    expect(await second.close({ timeoutMs: 20_000 })).toBe(true);
    // Exactly the 24 earlier results plus the three restored windows, each once.
    expect(all.map(describeResult).sort()).toEqual([...expected, 'flush0@10000=1', 'flush1@10000=1', 'k0@10000=1'].sort());
  }, 120_000);
});
