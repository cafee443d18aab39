// Consumed.withOffsetResetPolicy on the real broker: a new application reads a 'latest'
// source from its end and an 'earliest' one (the default) from its beginning.
import { afterAll, describe, expect, it } from 'vitest';
import { AutoOffsetReset, Consumed, NoOffsetForPartitionError, Serdes, StreamBuilder, StreamsState } from '../../src/index.js';
import { createTopics, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import { consume, eventually, newStateDir, removeStateDirs, running, str, streamsFor } from './runtime-support.js';

afterAll(removeStateDirs);

const S = Serdes.String();

describe('runtime: offset reset per source', () => {
  it("reads a 'latest' source from its end and the others from their beginning when the group has no commit", async () => {
    const early = uniqueName('reset-early');
    const late = uniqueName('reset-late');
    const output = uniqueName('reset-out');
    await createTopics([{ topic: early, numPartitions: 1 }, { topic: late, numPartitions: 1 }, { topic: output, numPartitions: 1 }]);
    await produce(early, [{ key: 'e', value: 'before' }]);
    await produce(late, [{ key: 'l', value: 'before' }]);
    const builder = new StreamBuilder();
    builder.stream(early, Consumed.with(S, S)).to(output);
    builder.stream(late, Consumed.with(S, S).withOffsetResetPolicy('latest')).to(output);
    const streams = streamsFor(builder.build({ defaultKeySerde: S, defaultValueSerde: S }), { applicationId: uniqueName('reset-app'), stateDir: newStateDir() });
    try {
      await streams.start();
      await running(streams);
      // Produced until one is read: the end is taken when the task first fetches, a moment after RUNNING.
      let reading = true;
      const producing = (async () => {
        while (reading) {
          await produce(late, [{ key: 'l', value: 'after' }]);
          await new Promise((r) => setTimeout(r, 300));
        }
      })();
      const records = await consume(output, str, (rs) => rs.some((r) => r.value === 'after') && rs.some((r) => r.key === 'e')).finally(() => (reading = false));
      await producing;
      // Records of one partition come in order: had 'l before' been read, it would precede 'l after'.
      expect(new Set(records.map((r) => `${r.key} ${r.value}`))).toEqual(new Set(['e before', 'l after']));
    } finally {
      await streams.close();
    }
  }, 60_000);

  it('byDuration starts at the first record not older than the duration', async () => {
    const input = uniqueName('reset-dur');
    const output = uniqueName('reset-dur-out');
    await createTopics([{ topic: input, numPartitions: 1 }, { topic: output, numPartitions: 1 }]);
    const now = Date.now();
    await produce(input, [
      { key: 'k', value: 'two hours ago', timestamp: now - 2 * 3600_000 },
      { key: 'k', value: 'a minute ago', timestamp: now - 60_000 },
    ]);
    const builder = new StreamBuilder();
    builder.stream(input, Consumed.with(S, S).withOffsetResetPolicy(AutoOffsetReset.byDuration(3600_000))).to(output);
    const streams = streamsFor(builder.build({ defaultKeySerde: S, defaultValueSerde: S }), { applicationId: uniqueName('reset-dur-app'), stateDir: newStateDir() });
    try {
      await streams.start();
      await running(streams);
      await produce(input, [{ key: 'k', value: 'now' }]);
      const records = await consume(output, str, (rs) => rs.some((r) => r.value === 'now'));
      expect(records.map((r) => r.value)).toEqual(['a minute ago', 'now']);
    } finally {
      await streams.close();
    }
  }, 60_000);

  it('none stops the instance with an error naming the partition that has no committed offset', async () => {
    const input = uniqueName('reset-none');
    await createTopics([{ topic: input, numPartitions: 1 }, { topic: `${input}-out`, numPartitions: 1 }]);
    const builder = new StreamBuilder();
    builder.stream(input, Consumed.with(S, S).withOffsetResetPolicy(AutoOffsetReset.none())).to(`${input}-out`);
    const streams = streamsFor(builder.build({ defaultKeySerde: S, defaultValueSerde: S }), { applicationId: uniqueName('reset-none-app'), stateDir: newStateDir() });
    const errors: unknown[] = [];
    streams.events$.subscribe((e) => e.type === 'error' && errors.push(e.error));
    try {
      await streams.start();
      await eventually(() => streams.state === StreamsState.ERROR, 'state ERROR');
      const error = errors.find((e) => e instanceof NoOffsetForPartitionError) as Error | undefined;
      expect(error?.message).toContain(`No committed offset for ${input}-0`);
    } finally {
      await streams.close();
    }
  }, 60_000);
});
