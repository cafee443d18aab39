// Shared by the runtime's end-to-end tests (test/integration/runtime-*.test.ts): topologies,
// deterministic input, reading output topics back completely, state folders.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Serdes } from '../../src/serdes/serdes.js';
import { KafkaStreams } from '../../src/runtime/kafka-streams.js';
import { StreamsState } from '../../src/runtime/streams-state.js';
import type { StreamsConfig } from '../../src/runtime/streams-config.js';
import type { StreamsEvent } from '../../src/runtime/streams-event.js';
import type { KafkaLogEntry } from '../../src/runtime/kafka/kafka-client.js';
import type { Topology } from '../../src/topology/topology.js';
import { words } from '../../examples/word-count.js';
import { kafkaBootstrap, kafkaClient } from './kafka.js';
import { scanTopic } from './topic-scan.js';

export const S = Serdes.String();
export const L = Serdes.Long();

export { wordCountTopology } from './apps/topologies.js';

/** Deterministic lines of `wordsPerLine` words from a `vocabulary`-word list, numbered from `from`. */
export function textLines(from: number, count: number, vocabulary = 50, wordsPerLine = 5): string[] {
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: wordsPerLine }, (_, j) => `w${((from + i) * 7 + j * 13) % vocabulary}`).join(' '),
  );
}

/** Word counts of lines, as the topology computes them. */
export function countWords(lines: Iterable<string>, into = new Map<string, number>()): Map<string, number> {
  for (const line of lines) for (const w of words(line)) into.set(w, (into.get(w) ?? 0) + 1);
  return into;
}

/** Lines spread round robin over `partitions` partitions (keys null, as text usually is). */
export function spread(lines: readonly string[], partitions: number, offset = 0): { key: null; value: string; partition: number }[] {
  return lines.map((value, i) => ({ key: null, value, partition: (i + offset) % partitions }));
}

/** A fresh state folder, removed by `removeStateDirs()`. */
const stateDirs: string[] = [];
export function newStateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kstreams-rt-'));
  stateDirs.push(dir);
  return dir;
}
export function removeStateDirs(): void {
  for (const d of stateDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Timestamped events of the instances the current test made: a failing test prints them. */
const eventLogs: { readonly app: string; readonly streams: KafkaStreams; readonly lines: string[]; commits: number }[] = [];
afterEach(({ task }) => {
  if (task.result?.state === 'fail') {
    for (const { app, streams, lines, commits } of eventLogs) {
      const metrics = JSON.stringify(streams.metrics());
      console.error(`--- events of ${app} in "${task.name}" (${commits} commits; metrics at the end: ${metrics}) ---\n${lines.join('\n')}`);
    }
  }
  eventLogs.length = 0;
});

function describeEvent(e: StreamsEvent): string {
  return JSON.stringify(e, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v instanceof Error ? `${v.name}: ${v.message}` : v));
}

/** A KafkaStreams on the run's broker with short commit intervals (tests wait on output). */
export function streamsFor(topology: Topology, config: Partial<StreamsConfig> & { applicationId: string }): KafkaStreams {
  const lines: string[] = [];
  // kafkajs's own warnings and errors go into the same log (they explain stalls events do not).
  // KSTREAMS_TEST_KAFKAJS_LOG=debug adds its fetch, seek, pause and offset debug lines.
  const kafkaLog = (e: KafkaLogEntry): void => {
    if (e.level !== 'debug' || (/Fetch|seek|Paus|Resum|offset|Offset/.test(e.message) && lines.length < 600)) {
      lines.push(`${new Date().toISOString()} kafkajs ${e.level} ${e.namespace}: ${e.message} ${JSON.stringify(e.extra).slice(0, 600)}`);
    }
  };
  const streams = new KafkaStreams(topology, { bootstrapServers: kafkaBootstrap(), commitIntervalMs: 200, kafkaLog, kafkaLogLevel: process.env.KSTREAMS_TEST_KAFKAJS_LOG ?? 'warn', ...config } as StreamsConfig);
  const log = { app: config.applicationId, streams, lines, commits: 0 };
  eventLogs.push(log);
  streams.events$.subscribe((e) => {
    if (e.type === 'commit') log.commits++;
    else log.lines.push(`${new Date().toISOString()} ${describeEvent(e)}`);
  });
  return streams;
}

/** Resolves when `streams` reaches RUNNING (rejects after `timeoutMs`). */
export function running(streams: KafkaStreams, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not RUNNING after ${timeoutMs} ms (state ${streams.state})`)), timeoutMs);
    const sub = streams.state$.subscribe((s) => {
      if (s === StreamsState.RUNNING) {
        clearTimeout(timer);
        queueMicrotask(() => sub.unsubscribe());
        resolve();
      }
    });
  });
}

/** One output record: key and value decoded, where it was. */
export interface OutRecord<V> {
  readonly key: string | null;
  readonly value: V | null;
  readonly partition: number;
  readonly offset: bigint;
}

/** The end offsets (high watermarks) of every partition of `topic`. */
export async function endOffsets(topic: string): Promise<Map<number, bigint>> {
  const admin = kafkaClient().admin();
  await admin.connect();
  try {
    return new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
  } finally {
    await admin.disconnect();
  }
}

/** Reads `topic` from the beginning until `done(all)` holds (checked after each batch); rejects on timeout. */
export async function consume<V>(
  topic: string,
  decode: (value: Buffer) => V,
  done: (records: readonly OutRecord<V>[]) => boolean,
  timeoutMs = 60_000,
): Promise<OutRecord<V>[]> {
  const records: OutRecord<V>[] = [];
  const met = await scanTopic(
    topic,
    (batch) => {
      for (const m of batch) records.push({ key: m.key?.toString() ?? null, value: m.value ? decode(m.value) : null, partition: m.partition, offset: m.offset });
      return done(records);
    },
    timeoutMs,
  );
  if (!met) throw new Error(`reading ${topic}: condition not met after ${timeoutMs} ms (${records.length} records read)`);
  return records;
}

/** Everything in `topic` up to its current end offsets. */
export async function readAll<V>(topic: string, decode: (value: Buffer) => V, timeoutMs = 60_000): Promise<OutRecord<V>[]> {
  const ends = await endOffsets(topic);
  const total = [...ends.values()].reduce((a, b) => a + b, 0n);
  if (total === 0n) return [];
  const reached = new Map<number, bigint>();
  let seen = 0;
  return consume(topic, decode, (rs) => {
    for (; seen < rs.length; seen++) {
      const r = rs[seen]!;
      if (r.offset + 1n > (reached.get(r.partition) ?? 0n)) reached.set(r.partition, r.offset + 1n);
    }
    return [...ends].every(([p, end]) => (reached.get(p) ?? 0n) >= end);
  }, timeoutMs);
}

/** The latest value per key. */
export function latest<V>(records: readonly OutRecord<V>[]): Map<string, V | null> {
  const out = new Map<string, V | null>();
  for (const r of records) if (r.key !== null) out.set(r.key, r.value);
  return out;
}

/** Reads `topic` until the latest value of every expected key equals the expectation. */
export async function waitForLatest<V>(
  topic: string,
  decode: (value: Buffer) => V,
  expected: ReadonlyMap<string, V | null>,
  timeoutMs = 60_000,
): Promise<OutRecord<V>[]> {
  const now = new Map<string, V | null>();
  let seen = 0;
  let matching = 0;
  const matches = (k: string): boolean => now.has(k) && now.get(k) === expected.get(k);
  return consume(topic, decode, (rs) => {
    for (; seen < rs.length; seen++) {
      const r = rs[seen]!;
      if (r.key === null || !expected.has(r.key)) continue;
      const before = matches(r.key);
      now.set(r.key, r.value);
      const after = matches(r.key);
      if (before !== after) matching += after ? 1 : -1;
    }
    return matching === expected.size;
  }, timeoutMs);
}

/** Decodes a Long value. */
export const long = (b: Buffer): number => Number(b.readBigInt64BE(0));
/** Decodes a String value. */
export const str = (b: Buffer): string => b.toString('utf8');

/** A `kstreams run <module>` child process. */
export interface AppProcess {
  readonly pid: number;
  /** Everything the process wrote to stderr so far. */
  output(): string;
  /** Resolves when stderr matches `pattern` (rejects on timeout or exit). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (null if killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Sends `signal` (SIGTERM by default) and waits for the exit; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Spawns `node bin/kstreams.js run <module> [args]` with `KSTREAMS_*` variables for the run's broker. */
export function spawnApp(module: string, env: Readonly<Record<string, string>>, args: readonly string[] = []): AppProcess {
  const child = spawn(process.execPath, [join(REPO, 'bin/kstreams.js'), 'run', module, ...args], {
    cwd: REPO,
    env: { ...process.env, KSTREAMS_BOOTSTRAP_SERVERS: kafkaBootstrap(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer): void => {
    text += d.toString();
    for (const w of [...waiters]) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let isDone = false;
  void exited.then(() => {
    isDone = true;
    for (const w of [...waiters]) w();
  });
  return {
    pid: child.pid!,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`process ${child.pid}: no ${pattern} after ${timeoutMs} ms; output:\n${text}`)), timeoutMs);
        const check = (): void => {
          if (pattern.test(text)) finish(null);
          else if (isDone) finish(new Error(`process ${child.pid} exited before ${pattern}; output:\n${text}`));
        };
        function finish(error: Error | null): void {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve();
        }
        waiters.add(check);
        check();
      });
    },
    async stop(signal = 'SIGTERM', timeoutMs = 40_000) {
      if (!isDone) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Polls `condition` every 100 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
