// End-to-end windowed workloads (issue 6, PERF.md W3/W5) on a real broker (KAFKA_BOOTSTRAP,
// e.g. from `npm run kafka`): 200k clicks over 10k keys preloaded into a 3-partition topic,
// then a fresh application counts them (tumbling, hopping or session windows; LevelDB,
// cached, logged) from `earliest`, timed until its committed offsets reach the end (drain mode).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Consumed, Produced, SessionWindows, StreamBuilder, TimeWindows, type KGroupedStream, type KTable } from '../src/dsl/index.js';
import { KafkaStreams } from '../src/runtime/kafka-streams.js';
import { KafkajsEngine } from '../src/runtime/kafka/kafkajs-engine.js';
import { KAFKA_CLIENT_CONFIG_KEYS } from '../src/runtime/kafka/kafka-client.js';
import { EMPTY_HEADERS } from '../src/processor/headers.js';
import { resolveStreamsConfig } from '../src/runtime/streams-config.js';
import { Serdes } from '../src/serdes/serdes.js';
import { WindowedSerdes } from '../src/serdes/windowed-serdes.js';
import type { Topology } from '../src/topology/topology.js';
import type { Windowed } from '../src/windows/windowed.js';
import type { Workload } from './harness.js';

const CLICKS = 200_000;
const KEYS = 10_000;
const PARTITIONS = 3;
const S = Serdes.String();

function bootstrap(): string {
  const b = process.env.KAFKA_BOOTSTRAP;
  if (!b) throw new Error('The windows-kafka bench needs a broker: start one with `npm run kafka` and set KAFKA_BOOTSTRAP.');
  return b;
}

function engine(): KafkajsEngine {
  return KafkajsEngine.fromConfig(resolveStreamsConfig({ applicationId: 'bench-windows', bootstrapServers: bootstrap() }, KAFKA_CLIENT_CONFIG_KEYS));
}

/** 200k clicks, 1 ms apart in event time, uniform over 10k users (murmur2-partitioned). */
async function preload(e: KafkajsEngine, topic: string): Promise<void> {
  const admin = e.admin();
  await admin.createTopics([{ name: topic, numPartitions: PARTITIONS }]);
  const producer = e.producer();
  let seed = 7;
  for (let i = 0; i < CLICKS; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    producer.send({ topic, partition: null, key: Buffer.from(`user-${seed % KEYS}`), value: Buffer.from('/home'), headers: EMPTY_HEADERS, timestamp: 1_000_000 + i });
    if (producer.buffered >= 20_000) await producer.flush();
  }
  await producer.flush();
  await producer.close();
  await admin.close();
}

type Windowing = (g: KGroupedStream<string, string>) => KTable<Windowed<string>, number>;

function topology(input: string, output: string, windowing: Windowing, windowSize: number | null): Topology {
  const b = new StreamBuilder();
  const keys = windowSize === null ? WindowedSerdes.sessionWindowedSerdeFrom(S) : WindowedSerdes.timeWindowedSerdeFrom(S, windowSize);
  windowing(b.stream(input, Consumed.with(S, S)).groupByKey()).toStream().to(output, Produced.with(keys, Serdes.Long()));
  return b.build({ defaultKeySerde: S, defaultValueSerde: S });
}

/** Clicks counted per second, from `start()` of a fresh application to its last commit covering the input. */
function endToEnd(id: string, title: string, windowing: Windowing, windowSize: number | null, shared: { topic: string | null }): Workload {
  const e = engine();
  let run = 0;
  return {
    id,
    title,
    unit: 'records',
    async setup() {
      if (shared.topic === null) {
        shared.topic = `bench-clicks-${Date.now().toString(36)}`;
        await preload(e, shared.topic);
      }
    },
    async run() {
      const input = shared.topic!;
      const output = `${input}-${id}-${run++}`;
      const applicationId = `bench-${output}`;
      const admin = e.admin();
      await admin.createTopics([{ name: output, numPartitions: PARTITIONS }]);
      const stateDir = mkdtempSync(join(tmpdir(), 'kstreams-bench-'));
      const streams = new KafkaStreams(topology(input, output, windowing, windowSize), {
        applicationId,
        bootstrapServers: bootstrap(),
        stateDir,
        commitIntervalMs: 100,
      });
      try {
        await streams.start();
        for (;;) {
          const committed = await admin.committedOffsets(applicationId, [input]);
          const total = [...committed.values()].reduce((n, c) => n + c.offset, 0n);
          if (total >= BigInt(CLICKS)) break;
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        await streams.close();
        await admin.close();
        rmSync(stateDir, { recursive: true, force: true });
      }
      return CLICKS;
    },
  };
}

/** Tumbling, hopping and session counts sharing one preloaded topic. */
export function endToEndWindows(): Workload[] {
  const shared = { topic: null as string | null };
  return [
    endToEnd('kafka-tumbling-count', 'end to end: tumbling 60 s count, 10k keys, 3 partitions', (g) => g.windowedBy(TimeWindows.ofSizeWithNoGrace(60_000)).count(), 60_000, shared),
    endToEnd(
      'kafka-hopping-count',
      'end to end: hopping 60 s / 10 s count, 10k keys, 3 partitions',
      (g) => g.windowedBy(TimeWindows.ofSizeWithNoGrace(60_000).advanceBy(10_000)).count(),
      60_000,
      shared,
    ),
    endToEnd('kafka-session-count', 'end to end: session count (5 s gap), 10k keys, 3 partitions', (g) => g.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5000)).count(), null, shared),
  ];
}
