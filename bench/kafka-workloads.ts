// Kafka workloads (issue 4, PERF.md W0-W2 and restore) in drain mode on a real broker: the
// input is preloaded, a fresh application (new group, empty state) reads it from the
// earliest offset, and the clock runs from its start until the last record is out.
//
//   W0 client ceiling: a plain kafkajs pipe (eachBatch -> sendBatch, String serdes, the
//      runtime's batching: send at 10,000 buffered records or after 100 ms)
//   W1 stateless: mapValues -> filter -> to (KafkaStreams, at-least-once)
//   W2 word count at-least-once: flatMapValues -> groupBy -> count -> toStream -> to
//   restore: a 1M-record changelog into an empty LevelDB (events$ 'restore-end')
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel, type Admin, type Message } from 'kafkajs';
import { Consumed, Materialized, Produced, StreamBuilder } from '../src/dsl/index.js';
import { Serdes } from '../src/serdes/serdes.js';
import { KafkaStreams } from '../src/runtime/kafka-streams.js';
import type { StreamsConfig } from '../src/runtime/streams-config.js';
import type { Topology } from '../src/topology/topology.js';
import { buildTopology } from '../examples/word-count.js';
import { ensureBrokerJars } from '../scripts/kafka/broker-jars.js';
import { startBroker } from '../scripts/kafka/local-broker.js';
import type { WorkloadResult } from './harness.js';

const S = Serdes.String();
const PARTITIONS = 4;
/** Records buffered before the pipe sends (the runtime sends at the same point). */
export const SEND_RECORDS = 10_000;
/** How long the pipe lets a record wait before sending (Kafka Streams' producer linger.ms). */
export const LINGER_MS = 100;

/** Bytes of one request's records (the runtime's per-partition cap, under 1 MiB `message.max.bytes`). */
const MAX_REQUEST_BYTES = 900 * 1024;
const sizeOf = (m: Message): number => 24 + (m.key as Buffer).length + (m.value as Buffer).length;

/** Sizes, chosen so the whole group runs in a few minutes on 2 cores. */
export const SIZES = {
  records: Number(process.env.BENCH_KAFKA_RECORDS ?? 300_000),
  lines: Number(process.env.BENCH_KAFKA_LINES ?? 50_000),
  wordsPerLine: 8,
  vocabulary: 10_000,
  changelog: Number(process.env.BENCH_KAFKA_CHANGELOG ?? 1_000_000),
};

/** The repository root (this file runs from bench/ under tsx, or .bench-dist/bench/ compiled). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('.bench-dist')) dir = dirname(dir);
  return dir;
}

/** The broker to measure on: `KAFKA_BOOTSTRAP`, or a local one started here (stopped by `stop`). */
export async function benchBroker(): Promise<{ bootstrap: string; stop(): Promise<void> }> {
  if (process.env.KAFKA_BOOTSTRAP) return { bootstrap: process.env.KAFKA_BOOTSTRAP, stop: async () => {} };
  const libDir = await ensureBrokerJars({ cacheDir: process.env.KAFKA_CACHE_DIR ?? join(repoRoot(), '.kafka') });
  const broker = await startBroker({ libDir, log: (m) => console.error(`[kafka] ${m}`) });
  return { bootstrap: broker.bootstrap, stop: () => broker.stop() };
}

const unique = (prefix: string): string => `bench-${prefix}-${randomBytes(4).toString('hex')}`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Everything one kafka bench run shares: the client, an admin, created topics, state folders. */
export class KafkaBench {
  readonly kafka: Kafka;
  private admin!: Admin;
  private readonly topics: string[] = [];
  private readonly dirs: string[] = [];

  constructor(readonly bootstrap: string) {
    this.kafka = new Kafka({ clientId: 'kstreams-bench', brokers: [bootstrap], logLevel: logLevel.NOTHING });
  }

  async connect(): Promise<void> {
    this.admin = this.kafka.admin();
    await this.admin.connect();
  }

  async createTopic(prefix: string, partitions = PARTITIONS, configs: Record<string, string> = {}, name = unique(prefix)): Promise<string> {
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: name, numPartitions: partitions, replicationFactor: 1, configEntries: Object.entries(configs).map(([k, v]) => ({ name: k, value: v })) }],
    });
    this.topics.push(name);
    return name;
  }

  /** Sum of the end offsets of every partition of `topic`. */
  async endOffset(topic: string): Promise<number> {
    return (await this.admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
  }

  /** Produces `count` records made by `make(i)`, 5,000 per request (under 1 MiB even on one partition), 4 in flight. */
  async preload(topic: string, count: number, make: (i: number) => Message): Promise<void> {
    const producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const started = Date.now();
    try {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < count) {
          const from = next;
          next = Math.min(count, next + 5_000);
          const messages = Array.from({ length: next - from }, (_, j) => make(from + j));
          await producer.sendBatch({ topicMessages: [{ topic, messages }], acks: -1 });
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    } finally {
      await producer.disconnect();
    }
    console.error(`  preloaded ${count.toLocaleString('en-US')} records into ${topic} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  stateDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kstreams-bench-'));
    this.dirs.push(dir);
    return dir;
  }

  /** Waits until `done()` holds, polling every `everyMs`; throws after `timeoutMs`. */
  async until(done: () => Promise<boolean> | boolean, what: string, timeoutMs = 300_000, everyMs = 25): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`bench: ${what} not done after ${timeoutMs} ms`);
      await sleep(everyMs);
    }
  }

  async close(): Promise<void> {
    if (this.topics.length) await this.admin.deleteTopics({ topics: this.topics }).catch(() => undefined);
    await this.admin.disconnect();
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}

/** 100-byte values, keys from a 10k-key space. */
const VALUE_PAD = 'x'.repeat(90);
const record = (i: number): Message => ({ key: `key-${i % 10_000}`, value: `${VALUE_PAD}${String(i).padStart(10, '0')}` });

/** Deterministic lines of 8 words from a 10k-word vocabulary (as the dsl group's word count). */
function line(i: number): string {
  let seed = (i * 2654435761) >>> 0;
  const out: string[] = [];
  for (let j = 0; j < SIZES.wordsPerLine; j++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out.push(`word${(seed % SIZES.vocabulary).toString(36)}`);
  }
  return out.join(' ');
}

/** One drain run: `run()` starts a fresh consumer of the preloaded input and resolves the seconds until done. */
interface Drain {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly target?: string;
  /** Units handled per run (records, words). */
  readonly units: number;
  run(): Promise<number>;
}

/** A warm-up run, then `runs` measured ones; rates are units per second. */
export async function measureDrain(d: Drain, runs: number): Promise<WorkloadResult> {
  console.error(`running ${d.id} (warm-up + ${runs}) ...`);
  await d.run();
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const seconds = await d.run();
    rates.push(d.units / seconds);
    console.error(`  ${d.id} run ${i + 1}: ${Math.round(d.units / seconds).toLocaleString('en-US')} ${d.unit}/s (${seconds.toFixed(2)} s)`);
  }
  return summary(d, rates);
}

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/** W0: consumer eachBatch -> String serdes -> producer sendBatch, no topology. */
export async function clientPipe(bench: KafkaBench): Promise<Drain> {
  const input = await bench.createTopic('pipe-in');
  const output = await bench.createTopic('pipe-out');
  await bench.preload(input, SIZES.records, record);
  const ser = S.serializer();
  const de = S.deserializer();
  return {
    id: 'kafka-client-pipe',
    title: 'W0 client ceiling: kafkajs eachBatch -> sendBatch, String serdes, 100-byte values',
    unit: 'records',
    units: SIZES.records,
    async run() {
      const before = await bench.endOffset(output);
      const consumer = bench.kafka.consumer({
        groupId: unique('pipe'),
        allowAutoTopicCreation: false,
        maxWaitTimeInMs: 100,
        maxBytesPerPartition: 1024 * 1024,
        maxBytes: 10 * 1024 * 1024,
      });
      const producer = bench.kafka.producer({ allowAutoTopicCreation: false, idempotent: true });
      const started = process.hrtime.bigint();
      await Promise.all([consumer.connect(), producer.connect()]);
      // The runtime's batching: one send in flight while the next batch fills; sends at
      // SEND_RECORDS or after LINGER_MS; the consumer waits only when 4 x SEND_RECORDS pile up.
      let buffer: Message[] = [];
      let lastSend = Date.now();
      let sending: Promise<void> | null = null;
      const maybeSend = async (): Promise<void> => {
        if (buffer.length === 0) return;
        if (sending) {
          if (buffer.length >= 4 * SEND_RECORDS) await sending;
          return;
        }
        if (buffer.length < SEND_RECORDS && Date.now() - lastSend < LINGER_MS) return;
        const messages = buffer;
        buffer = [];
        lastSend = Date.now();
        // Requests of at most 900 KiB, as the runtime keeps each partition's share of a request
        // under the broker's message.max.bytes (here one input batch mostly feeds one partition).
        sending = (async () => {
          for (let from = 0; from < messages.length; ) {
            let to = from;
            for (let bytes = 0; to < messages.length && (to === from || bytes + sizeOf(messages[to]!) <= MAX_REQUEST_BYTES); to++) bytes += sizeOf(messages[to]!);
            await producer.sendBatch({ topicMessages: [{ topic: output, messages: messages.slice(from, to) }], acks: -1 });
            from = to;
          }
          sending = null;
        })();
      };
      await consumer.subscribe({ topics: [input], fromBeginning: true });
      await consumer.run({
        eachBatch: async ({ batch }) => {
          for (const m of batch.messages) {
            const key = de.deserialize(input, m.key!);
            const value = de.deserialize(input, m.value!);
            buffer.push({ key: ser.serialize(output, key), value: ser.serialize(output, value), timestamp: m.timestamp });
          }
          await maybeSend();
        },
      });
      const linger = setInterval(() => void maybeSend(), LINGER_MS);
      try {
        await bench.until(async () => (await bench.endOffset(output)) - before >= SIZES.records, 'pipe drain');
        return seconds(started);
      } finally {
        clearInterval(linger);
        await sending;
        await consumer.disconnect();
        await producer.disconnect();
      }
    },
  };
}

/** Runs a fresh KafkaStreams app per run; `done` says when the drain finished. */
function streamsDrain(
  bench: KafkaBench,
  topology: () => Topology,
  config: Partial<StreamsConfig>,
  done: (streams: KafkaStreams) => Promise<boolean> | boolean,
): () => Promise<number> {
  return async () => {
    const streams = new KafkaStreams(topology(), {
      applicationId: unique('app'),
      bootstrapServers: bench.bootstrap,
      stateDir: bench.stateDir(),
      ...config,
    });
    let failed: unknown = null;
    streams.events$.subscribe((e) => {
      if (e.type === 'error') failed = e.error;
    });
    const started = process.hrtime.bigint();
    await streams.start();
    try {
      await bench.until(() => {
        if (failed) throw failed;
        return done(streams);
      }, 'streams drain');
      return seconds(started);
    } finally {
      await streams.close({ timeoutMs: 60_000 });
    }
  };
}

/** W1: source -> mapValues -> filter -> sink, String serdes, at-least-once defaults. */
export async function statelessTopology(bench: KafkaBench): Promise<Drain> {
  const input = await bench.createTopic('w1-in');
  const output = await bench.createTopic('w1-out');
  await bench.preload(input, SIZES.records, record);
  const topology = (): Topology => {
    const builder = new StreamBuilder();
    builder
      .stream(input, Consumed.with(S, S))
      .mapValues((v) => v.slice(0))
      .filter((_k, v) => v.length > 0)
      .to(output, Produced.with(S, S));
    return builder.build();
  };
  let before = 0;
  const drain = streamsDrain(bench, topology, {}, async (_s) => (await bench.endOffset(output)) - before >= SIZES.records);
  return {
    id: 'kafka-stateless',
    title: 'W1 stateless: mapValues -> filter -> to (KafkaStreams, at-least-once)',
    unit: 'records',
    target: '>= 90% of W0',
    units: SIZES.records,
    async run() {
      before = await bench.endOffset(output);
      return drain();
    },
  };
}

/** W2: examples/word-count.ts on 8-word lines; done when every word was counted (records processed). */
export async function wordCountDrain(bench: KafkaBench): Promise<Drain> {
  const input = await bench.createTopic('w2-in');
  const output = await bench.createTopic('w2-out');
  await bench.preload(input, SIZES.lines, (i) => ({ key: null, value: line(i) }));
  const totalWords = SIZES.lines * SIZES.wordsPerLine;
  const topology = (): Topology => buildTopology(input, output);
  // Every line read and every word counted: the source sub-topology processed the lines, the
  // count sub-topology the repartitioned words.
  const drain = streamsDrain(bench, topology, {}, (s) => s.metrics().processTotal >= SIZES.lines + totalWords);
  return {
    id: 'kafka-word-count',
    title: `W2 word count at-least-once: ${SIZES.wordsPerLine} words/line, 10k words, repartition + LevelDB count`,
    unit: 'words',
    target: '>= 50% of W0 records/s',
    units: totalWords,
    run: drain,
  };
}

/** Restore: a 1M-record changelog (100-byte values, distinct keys) into an empty task. */
export async function restoreChangelog(bench: KafkaBench): Promise<Drain> {
  const applicationId = unique('restore');
  const input = await bench.createTopic('restore-in', 1);
  const changelog = await bench.createTopic('restore-changelog', 1, { 'cleanup.policy': 'compact' }, `${applicationId}-restore-store-changelog`);
  await bench.preload(changelog, SIZES.changelog, (i) => ({ key: `key-${String(i).padStart(9, '0')}`, value: `${VALUE_PAD}${String(i).padStart(10, '0')}`, partition: 0 }));
  const topology = (): Topology => {
    const builder = new StreamBuilder();
    builder.table(input, Consumed.with(S, S), Materialized.as<string, string>('restore-store'));
    return builder.build();
  };
  return {
    id: 'kafka-restore',
    title: `restore: ${(SIZES.changelog / 1e6).toFixed(1)}M-record changelog (100-byte values) into an empty LevelDB task`,
    unit: 'records',
    target: '>= 100,000',
    units: SIZES.changelog,
    async run() {
      const streams = new KafkaStreams(topology(), { applicationId, bootstrapServers: bench.bootstrap, stateDir: bench.stateDir() });
      let restored = 0;
      let ms = 0;
      const ended = new Promise<void>((resolve) =>
        streams.events$.subscribe((e) => {
          if (e.type === 'restore-end') {
            restored = e.restored;
            ms = e.ms;
            resolve();
          }
        }),
      );
      await streams.start();
      await ended;
      await streams.close({ timeoutMs: 60_000 });
      if (restored !== SIZES.changelog) throw new Error(`bench: restored ${restored} records, expected ${SIZES.changelog}`);
      return ms / 1000;
    },
  };
}

/** Summarises measured rates (units per second) as the harness does. */
function summary(d: Drain, rates: number[]): WorkloadResult {
  const sorted = [...rates].sort((a, b) => a - b);
  return { id: d.id, title: d.title, unit: d.unit, target: d.target, median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, runs: rates };
}

/**
 * Runs drains round-robin (a warm-up round, then `runs` rounds of W0, W1, W2...), so the
 * ratios compare runs made side by side on this shared, noisy machine.
 */
async function interleaved(drains: readonly Drain[], runs: number): Promise<WorkloadResult[]> {
  const rates = drains.map(() => [] as number[]);
  for (let round = 0; round <= runs; round++) {
    for (const [i, d] of drains.entries()) {
      const seconds = await d.run();
      const rate = d.units / seconds;
      console.error(`  ${round === 0 ? 'warm-up' : `round ${round}`} ${d.id}: ${Math.round(rate).toLocaleString('en-US')} ${d.unit}/s (${seconds.toFixed(2)} s)`);
      if (round > 0) rates[i]!.push(rate);
    }
  }
  return drains.map((d, i) => summary(d, rates[i]!));
}

/** The kafka group: W0, W1, W2 (interleaved) and restore on one broker, with the issue's ratios. */
export async function kafkaGroup(runs: number): Promise<{ results: WorkloadResult[]; ratios: Record<string, number> }> {
  const broker = await benchBroker();
  const bench = new KafkaBench(broker.bootstrap);
  const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');
  try {
    await bench.connect();
    console.error(`kafka bench on ${broker.bootstrap}; load average ${load()}`);
    const drains = [await clientPipe(bench), await statelessTopology(bench), await wordCountDrain(bench)];
    const results = await interleaved(drains, runs);
    results.push(await measureDrain(await restoreChangelog(bench), runs));
    console.error(`load average at the end ${load()}`);
    const [pipe, stateless, wordCount] = results as [WorkloadResult, WorkloadResult, WorkloadResult];
    return {
      results,
      ratios: {
        'W1 stateless / W0 pipe (target >= 90%)': stateless.median / pipe.median,
        'W2 word count words/s / W0 pipe records/s (target >= 50%)': wordCount.median / pipe.median,
      },
    };
  } finally {
    await bench.close().catch(() => undefined);
    await broker.stop();
  }
}
