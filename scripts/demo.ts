// `npm run demo`: word count on a real Kafka broker, end to end.
// Starts a local broker (unless KAFKA_BOOTSTRAP is set), creates the topics, produces sample
// text in a few rounds, runs examples/word-count.ts with KafkaStreams, prints counts as they
// change, and stops everything it started once every word's final count has arrived.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaStreams } from '../src/runtime/kafka-streams.js';
import { buildTopology, config, words } from '../examples/word-count.js';
import { startBroker, type LocalBroker } from './kafka/local-broker.js';

const ROUNDS = [
  ['All streams flow to the sea', 'yet the sea is not full'],
  ['The sea is wide and the streams are many', 'Kafka streams flow all day'],
  ['Every stream counts every word', 'and the counts flow to the sea'],
];
const say = (m: string): void => void process.stderr.write(`[demo] ${m}\n`);

let broker: LocalBroker | null = null;
const bootstrap = process.env.KAFKA_BOOTSTRAP ?? (broker = await startBroker({ log: say })).bootstrap;
say(`broker at ${bootstrap}${broker ? ` (started here, pid ${broker.pid})` : ''}`);
const kafka = new Kafka({ clientId: 'kstreams-demo', brokers: [bootstrap], logLevel: logLevel.NOTHING });
const stateDir = mkdtempSync(join(tmpdir(), 'kstreams-demo-'));
const streams = new KafkaStreams(buildTopology(), { ...config, bootstrapServers: bootstrap, stateDir, commitIntervalMs: 300, cacheMaxBytes: 0 });
const reader = kafka.consumer({ groupId: `kstreams-demo-reader-${Date.now()}`, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });

try {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  await admin.createTopics({
    topics: ['text-lines', 'word-counts-output'].filter((t) => !existing.has(t)).map((topic) => ({ topic, numPartitions: 2 })),
    waitForLeaders: true,
  });
  await admin.disconnect();

  const expected = new Map<string, number>();
  for (const line of ROUNDS.flat()) for (const w of words(line)) expected.set(w, (expected.get(w) ?? 0) + 1);
  const latest = new Map<string, number>();
  let finished!: () => void;
  const allCounted = new Promise<void>((resolve) => (finished = resolve));
  await reader.connect();
  await reader.subscribe({ topic: 'word-counts-output', fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      const word = message.key!.toString();
      const count = Number(message.value!.readBigInt64BE(0));
      latest.set(word, count);
      console.log(`${word.padEnd(10)} ${count}`);
      if ([...expected].every(([w, n]) => latest.get(w) === n)) finished();
    },
  });

  streams.state$.subscribe((s) => say(`streams ${s}`));
  await streams.start();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  for (const [i, lines] of ROUNDS.entries()) {
    say(`round ${i + 1}: ${lines.map((l) => JSON.stringify(l)).join(', ')}`);
    await producer.send({ topic: 'text-lines', messages: lines.map((value) => ({ value })) });
    await new Promise((r) => setTimeout(r, 1500));
  }
  await producer.disconnect();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 60_000)));
  const outcome = await Promise.race([allCounted.then(() => 'done' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') throw new Error('timed out waiting for the final counts');
  say(`all ${expected.size} words counted; e.g. "sea" = ${latest.get('sea')}, "streams" = ${latest.get('streams')}`);
} finally {
  await reader.disconnect().catch(() => undefined);
  await streams.close({ timeoutMs: 20_000 }).catch(() => undefined);
  rmSync(stateDir, { recursive: true, force: true });
  if (broker) {
    say('stopping the broker');
    await broker.stop();
  }
}
