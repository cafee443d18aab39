// Child-process instances of test/integration/apps/eos-counter.ts and the checks the crash
// tests share: per-key count sequences read back with read_committed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { uniqueName } from './kafka.js';
import { toReadRecord, type ReadRecord } from './topic-io.js';
import { scanTopic } from './topic-scan.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One running app process. */
export interface AppProcess {
  readonly child: ChildProcess;
  readonly log: string[];
  readonly exited: Promise<number | null>;
}

/** The topics, ids and folders of one crash scenario. */
export interface Scenario {
  readonly input: string;
  readonly output: string;
  readonly applicationId: string;
  readonly keys: number;
  readonly perKey: number;
  readonly total: number;
}

const client = (bootstrap: string): Kafka => new Kafka({ clientId: 'kstreams-crash-it', brokers: [bootstrap], logLevel: logLevel.NOTHING });

/** Creates topics and writes `keys * perKey` records: key `k<i>`, round robin over keys. */
export async function prepare(bootstrap: string, name: string, keys: number, perKey: number, partitions = 3): Promise<Scenario> {
  const s: Scenario = { input: uniqueName(`${name}-in`), output: uniqueName(`${name}-out`), applicationId: uniqueName(`${name}-app`), keys, perKey, total: keys * perKey };
  const kafka = client(bootstrap);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [s.input, s.output].map((topic) => ({ topic, numPartitions: partitions })), waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const records = Array.from({ length: s.total }, (_, i) => ({ key: `k${i % keys}`, value: String(i) }));
  for (let i = 0; i < records.length; i += 5000) await producer.send({ topic: s.input, messages: records.slice(i, i + 5000) });
  await producer.disconnect();
  return s;
}

/** Starts `kstreams run` on the counting app as a child process. */
export function startApp(s: Scenario, bootstrap: string, options: { stateDir?: string; guarantee?: string } = {}): AppProcess {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'kstreams-crash-'));
  const child = spawn(process.execPath, ['bin/kstreams.js', 'run', 'test/integration/apps/eos-counter.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      INPUT_TOPIC: s.input,
      OUTPUT_TOPIC: s.output,
      KSTREAMS_APPLICATION_ID: s.applicationId,
      KSTREAMS_BOOTSTRAP_SERVERS: bootstrap,
      KSTREAMS_STATE_DIR: stateDir,
      KSTREAMS_PROCESSING_GUARANTEE: options.guarantee ?? 'exactly_once_v2',
      KSTREAMS_SESSION_TIMEOUT_MS: '6000',
      KSTREAMS_HEARTBEAT_INTERVAL_MS: '500',
      KSTREAMS_REBALANCE_TIMEOUT_MS: '10000',
      KSTREAMS_COMMIT_INTERVAL_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, log, exited };
}

/** Resolves once the app's output matches `pattern`; rejects after `timeoutMs` or if it exits. */
export async function waitForLog(app: AppProcess, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(app.log.join(''))) {
    if (app.child.exitCode !== null) throw new Error(`app exited (code ${app.child.exitCode}) before printing ${pattern}`);
    if (Date.now() > deadline) throw new Error(`app did not print ${pattern} within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** SIGKILLs a process and waits for it to be gone. */
export async function kill(app: AppProcess): Promise<void> {
  app.child.kill('SIGKILL');
  await app.exited;
}

/** SIGTERM (clean close) and wait; returns the exit code. */
export async function stop(app: AppProcess): Promise<number | null> {
  app.child.kill('SIGTERM');
  return app.exited;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Reads a topic with read_committed until `count` records or `timeoutMs`. */
export async function readCommitted(
  bootstrap: string,
  topic: string,
  count: number,
  timeoutMs: number,
  /** When given, reading goes on until it holds (duplicates make `count` records arrive early). */
  complete?: (records: readonly ReadRecord[]) => boolean,
): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  let settleUntil = Infinity; // anything beyond `count` (duplicates) arrives too
  await scanTopic(
    topic,
    (batch) => {
      for (const r of batch) records.push(toReadRecord(r));
      if (complete !== undefined) return complete(records);
      if (records.length >= count && settleUntil === Infinity) settleUntil = Date.now() + 500;
      return Date.now() >= settleUntil;
    },
    timeoutMs,
    bootstrap,
  );
  return records;
}

/** Per key, the counts in output order (per partition order is per key order). */
export function countsByKey(records: readonly ReadRecord[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of records) {
    if (!r.key || !r.value) continue;
    const key = r.key.toString();
    const list = out.get(key) ?? [];
    list.push(Number(r.value.readBigInt64BE(0)));
    out.set(key, list);
  }
  return out;
}

/** Describes how a key's count sequence differs from exactly 1..n (empty when exact). */
export function exactnessProblems(s: Scenario, byKey: Map<string, number[]>): string[] {
  const problems: string[] = [];
  for (let k = 0; k < s.keys; k++) {
    const seq = byKey.get(`k${k}`) ?? [];
    const exact = seq.length === s.perKey && seq.every((v, i) => v === i + 1);
    if (!exact) problems.push(`k${k}: ${seq.length} outputs, first non-consecutive at ${seq.findIndex((v, i) => v !== i + 1)}, last ${seq.at(-1)}`);
  }
  return problems;
}

/** Input records the application has committed so far (sum of its group's committed offsets). */
export async function committedProgress(bootstrap: string, s: Scenario): Promise<number> {
  const admin = client(bootstrap).admin();
  await admin.connect();
  try {
    const [topic] = await admin.fetchOffsets({ groupId: s.applicationId, topics: [s.input] });
    return topic!.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}
