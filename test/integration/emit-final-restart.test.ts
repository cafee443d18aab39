// emitStrategy(onWindowClose()) across a restart on the real broker: the last emitted window
// close time travels in the offset-commit metadata (Kafka's processor metadata), so windows
// emitted before the restart are not emitted again although the restored store still holds
// them.
import { afterAll, describe, expect, it } from 'vitest';
import { EmitStrategy, Materialized, Produced, Serdes, StreamBuilder, TimeWindows, WindowedSerdes } from '../../src/index.js';
import { decodeTopicPartitionMetadata } from '../../src/runtime/kafka/topic-partition-metadata.js';
import type { Topology } from '../../src/topology/topology.js';
import { createTopics, kafkaClient, uniqueName } from './kafka.js';
import { describeWindowedCount, produce, readUntil, type ReadRecord } from './topic-io.js';
import { newStateDir, removeStateDirs, running, streamsFor } from './runtime-support.js';

afterAll(removeStateDirs);

const S = Serdes.String();
const T = 1_700_000_000_000; // a whole second: windows start at T + n * 1000
const windowKeys = WindowedSerdes.timeWindowedSerdeFrom(S, 1000);

function topology(input: string, output: string): Topology {
  const builder = new StreamBuilder();
  builder
    .stream<string, string>(input)
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeWithNoGrace(1000))
    .emitStrategy(EmitStrategy.onWindowClose())
    .count(Materialized.as('final-counts'))
    .toStream()
    .to(output, Produced.with(windowKeys, Serdes.Long()));
  return builder.build({ defaultKeySerde: S, defaultValueSerde: S });
}

/** `key@window-start(+T)=count` of one final result. */
const describeResult = (r: ReadRecord): string => describeWindowedCount(r, 1000, T);

describe('runtime: emit on window close across a restart', () => {
  it('does not emit a window again after a restart on fresh local state', async () => {
    const input = uniqueName('final-in');
    const output = uniqueName('final-out');
    const applicationId = uniqueName('final-app');
    await createTopics([{ topic: input, numPartitions: 1 }, { topic: output, numPartitions: 1 }]);
    const config = { applicationId, emitIntervalMsKstreamsWindowedAggregation: 0 };
    const rec = (at: number) => ({ key: 'k', value: 'x', partition: 0, timestamp: T + at });

    const first = streamsFor(topology(input, output), { ...config, stateDir: newStateDir() });
    await first.start();
    await running(first);
    // Windows [0,1000) and [1000,2000) close at stream time 2000: both are emitted.
    await produce(input, [rec(100), rec(200), rec(1100), rec(2100)]);
    const before = await readUntil(output, (rs) => rs.length >= 2);
    expect(before.map(describeResult)).toEqual(['k@0=2', 'k@1000=1']);
    expect(await first.close({ timeoutMs: 20_000 })).toBe(true);

    // The committed metadata carries the window close time (stream time - grace) of the last
    // emission under the store's name.
    const admin = kafkaClient().admin();
    await admin.connect();
    try {
      const [committed] = await admin.fetchOffsets({ groupId: applicationId, topics: [input] });
      const metadata = decodeTopicPartitionMetadata(committed!.partitions[0]!.metadata);
      expect(metadata.processorMetadata.get('final-counts')).toBe(BigInt(T + 2100));
    } finally {
      await admin.disconnect();
    }

    // A new instance on empty local state restores the store (windows 0 and 1000 are still in
    // it, within retention) and sees stream time move on: only [2000,3000) is new.
    const second = streamsFor(topology(input, output), { ...config, stateDir: newStateDir() });
    await second.start();
    await running(second);
    await produce(input, [rec(3100)]);
    const after = await readUntil(output, (rs) => rs.length >= 3, 15_000);
    expect(await second.close({ timeoutMs: 20_000 })).toBe(true);
    expect(after.map(describeResult)).toEqual(['k@0=2', 'k@1000=1', 'k@2000=1']);
  }, 90_000);
});
