// Poison input and error handlers on the real broker (issue 5 parts 2 and 4).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { KafkaStreams } from '../../src/runtime/kafka-streams.js';
import { StreamsState } from '../../src/runtime/streams-state.js';
import type { StreamsConfig } from '../../src/runtime/streams-config.js';
import { Topology } from '../../src/topology/topology.js';
import { Serdes } from '../../src/serdes/serdes.js';
import { DEAD_LETTER_HEADERS } from '../../src/errors/dead-letter.js';
import type { ProcessorContext } from '../../src/processor/processor-context.js';
import type { Record } from '../../src/processor/record.js';
import type { ConsumedBytes } from '../../src/runtime/task/consumed-record.js';
import { createTopics, kafkaBootstrap, uniqueName } from './kafka.js';
import { produce, readUntil } from './topic-io.js';
import { scanTopic } from './topic-scan.js';

const S = Serdes.String();
const L = Serdes.Long();
const long = (n: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};

/** Reads Long values from `input`, doubles them into `output`; throws on a negative value. */
function doubling(input: string, output: string): Topology {
  return new Topology()
    .addSource('src', S.deserializer(), L.deserializer(), input)
    .addProcessor('double', () => {
      let ctx: ProcessorContext<string, number>;
      return {
        init: (c: ProcessorContext<string, number>) => void (ctx = c),
        process: (r: Record<string, number>) => {
          if (r.value < 0) throw new Error(`negative value ${r.value}`);
          ctx.forward(r.withValue(r.value * 2));
        },
      };
    }, 'src')
    .addSink('sink', output, S.serializer(), L.serializer(), 'double');
}

async function scenario(name: string) {
  const s = { input: uniqueName(`${name}-in`), output: uniqueName(`${name}-out`), dlq: uniqueName(`${name}-dlq`), app: uniqueName(`${name}-app`) };
  await createTopics([{ topic: s.input, numPartitions: 1 }, { topic: s.output, numPartitions: 1 }, { topic: s.dlq, numPartitions: 1 }]);
  // offsets 0..4: good, malformed (3 bytes), good, malformed (empty), good
  await produce(s.input, [
    { key: 'a', value: long(1) },
    { key: 'b', value: Buffer.from([1, 2, 3]) },
    { key: 'c', value: long(2) },
    { key: 'd', value: Buffer.alloc(0) },
    { key: 'e', value: long(3) },
  ]);
  return s;
}

const config = (applicationId: string, extra: Partial<StreamsConfig>): StreamsConfig => ({
  applicationId,
  bootstrapServers: kafkaBootstrap(),
  stateDir: mkdtempSync(join(tmpdir(), 'kstreams-errors-')),
  commitIntervalMs: 100,
  ...extra,
});

describe('poison input', () => {
  it("'fail' (the default) stops the application with an error naming the record", async () => {
    const s = await scenario('poison-fail');
    const streams = new KafkaStreams(doubling(s.input, s.output), config(s.app, {}));
    const failed = firstValueFrom(streams.events$.pipe(filter((e) => e.type === 'error')));
    await streams.start();
    const event = await failed;
    expect(String((event as { error: Error }).error.message)).toMatch(new RegExp(`${s.input}-0 offset 1`));
    await firstValueFrom(streams.state$.pipe(filter((st) => st === StreamsState.ERROR)));
  });

  it("'continue' skips malformed records, counts them, and loses nothing else", async () => {
    const s = await scenario('poison-continue');
    const streams = new KafkaStreams(doubling(s.input, s.output), config(s.app, { deserializationExceptionHandler: 'continue' }));
    await streams.start();
    const out = await readUntil(s.output, (rs) => rs.length >= 3);
    expect(out.map((r) => Number(r.value!.readBigInt64BE(0)))).toEqual([2, 4, 6]);
    await new Promise((r) => setTimeout(r, 300));
    expect(streams.metrics().droppedRecordsTotal).toBe(2);
    await streams.close();
  });

  it('writes skipped records to the dead-letter topic with error headers', async () => {
    const s = await scenario('poison-dlq');
    await produce(s.input, [{ key: 'neg', value: long(-5) }]); // offset 5: fails in user code
    const streams = new KafkaStreams(
      doubling(s.input, s.output),
      config(s.app, { deserializationExceptionHandler: 'continue', processingExceptionHandler: 'continue', deadLetterQueueTopic: s.dlq }),
    );
    await streams.start();
    const dead = await readUntil(s.dlq, (rs) => rs.length >= 3);
    await streams.close();
    expect(dead.map((r) => r.key!.toString())).toEqual(['b', 'd', 'neg']);
    expect(dead[0]!.value).toEqual(Buffer.from([1, 2, 3]));
    const out = await readUntil(s.output, (rs) => rs.length >= 3);
    expect(out).toHaveLength(3);
  });

  it("a dead-letter record carries the error's class, message, topic, partition and offset", async () => {
    const s = await scenario('poison-dlq-headers');
    const streams = new KafkaStreams(doubling(s.input, s.output), config(s.app, { deserializationExceptionHandler: 'continue', deadLetterQueueTopic: s.dlq }));
    await streams.start();
    let first: ConsumedBytes | undefined;
    await scanTopic(s.dlq, (records) => (first ??= records[0]) !== undefined, 30_000);
    await streams.close();
    expect(first).toBeDefined();
    const header = (key: string): string | undefined => first!.headers.lastHeader(key)?.value?.toString();
    expect(header(DEAD_LETTER_HEADERS.topic)).toBe(s.input);
    expect(header(DEAD_LETTER_HEADERS.partition)).toBe('0');
    expect(header(DEAD_LETTER_HEADERS.offset)).toBe('1');
    expect(header(DEAD_LETTER_HEADERS.exception)).toBe('SerializationError'); // the deserializer's own error
    expect(header(DEAD_LETTER_HEADERS.message)).toMatch(/expected 8 bytes/);
  });
});

describe('uncaught exception handler', () => {
  it('SHUTDOWN_APPLICATION stops every instance of the application', async () => {
    const s = { input: uniqueName('shutdown-in'), output: uniqueName('shutdown-out'), app: uniqueName('shutdown-app') };
    await createTopics([{ topic: s.input, numPartitions: 2 }, { topic: s.output, numPartitions: 2 }]);
    const instances = [0, 1].map(() => {
      const streams = new KafkaStreams(doubling(s.input, s.output), config(s.app, {}));
      streams.setUncaughtExceptionHandler(() => 'SHUTDOWN_APPLICATION');
      return streams;
    });
    await Promise.all(instances.map((i) => i.start()));
    await new Promise((r) => setTimeout(r, 3000)); // both joined and running
    await produce(s.input, [{ key: 'x', value: long(-1), partition: 0 }]);
    await Promise.all(instances.map((i) => firstValueFrom(i.state$.pipe(filter((st) => st === StreamsState.ERROR)))));
    expect(instances.map((i) => i.state)).toEqual([StreamsState.ERROR, StreamsState.ERROR]);
  }, 60_000);

  it('REPLACE_THREAD restarts processing in-process after a failure', async () => {
    const s = { input: uniqueName('replace-in'), output: uniqueName('replace-out'), app: uniqueName('replace-app') };
    await createTopics([{ topic: s.input, numPartitions: 1 }, { topic: s.output, numPartitions: 1 }]);
    let failures = 0;
    const topology = new Topology()
      .addSource('src', S.deserializer(), L.deserializer(), s.input)
      .addProcessor('flaky', () => {
        let ctx: ProcessorContext<string, number>;
        return {
          init: (c: ProcessorContext<string, number>) => void (ctx = c),
          process: (r: Record<string, number>) => {
            if (r.value === 2 && failures++ === 0) throw new Error('transient');
            ctx.forward(r);
          },
        };
      }, 'src')
      .addSink('sink', s.output, S.serializer(), L.serializer(), 'flaky');
    const streams = new KafkaStreams(topology, config(s.app, {}));
    streams.setUncaughtExceptionHandler(() => 'REPLACE_THREAD');
    await streams.start();
    await produce(s.input, [1, 2, 3].map((n) => ({ key: `k${n}`, value: long(n) })));
    const out = await readUntil(s.output, (rs) => rs.some((r) => Number(r.value!.readBigInt64BE(0)) === 3));
    expect(out.map((r) => Number(r.value!.readBigInt64BE(0)))).toContain(2);
    expect(streams.state).toBe(StreamsState.RUNNING);
    await streams.close();
  }, 60_000);
});
