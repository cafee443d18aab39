// The runner (`kstreams run <module>`, bin/kstreams.js) as a real child process: SIGTERM and
// SIGINT close cleanly and exit 0; a fatal start error exits non-zero with the reason.
import net from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTopics, kafkaClient, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import { countWords, endOffsets, long, newStateDir, removeStateDirs, spawnApp, spread, textLines, waitForLatest, type AppProcess } from './runtime-support.js';

const APP = 'test/integration/apps/word-count-app.ts';
const started: AppProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.stop('SIGKILL', 1000)));
});
afterAll(removeStateDirs);

function run(env: Record<string, string>, args: string[] = []): AppProcess {
  const app = spawnApp(APP, env, args);
  started.push(app);
  return app;
}

/** Offsets the group committed on `topic`, summed over its partitions. */
async function committed(groupId: string, topic: string): Promise<bigint> {
  const admin = kafkaClient().admin();
  await admin.connect();
  try {
    const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return t!.partitions.reduce((n, p) => n + (BigInt(p.offset) > 0n ? BigInt(p.offset) : 0n), 0n);
  } finally {
    await admin.disconnect();
  }
}

async function groupMembers(groupId: string): Promise<number> {
  const admin = kafkaClient().admin();
  await admin.connect();
  try {
    return (await admin.describeGroups([groupId])).groups[0]!.members.length;
  } finally {
    await admin.disconnect();
  }
}

describe('runtime: kstreams run', () => {
  it('SIGTERM, then SIGINT: each run commits, closes its tasks, leaves the group and exits 0', async () => {
    const input = uniqueName('run-in');
    const output = uniqueName('run-out');
    const applicationId = uniqueName('run-app');
    const repartition = `${applicationId}-counts-store-repartition`;
    const stateDir = newStateDir();
    await createTopics([{ topic: input, numPartitions: 2 }, { topic: output, numPartitions: 2 }]);
    const env = { WC_INPUT: input, WC_OUTPUT: output, KSTREAMS_APPLICATION_ID: applicationId, KSTREAMS_STATE_DIR: stateDir };
    const lines = textLines(0, 200);

    // A commit interval longer than the run: whatever is committed was committed by the close.
    const first = run(env, ['--config', 'commit.interval.ms=60000']);
    await first.waitFor(/-> RUNNING/);
    await produce(input, spread(lines, 2));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('[kstreams] SIGTERM: closing');
    expect(first.output()).toMatch(/RUNNING -> PENDING_SHUTDOWN[\s\S]*PENDING_SHUTDOWN -> NOT_RUNNING/);
    expect(first.output()).not.toMatch(/error/i);
    expect(await groupMembers(applicationId)).toBe(0);
    // The close flushed the words to the repartition topic and committed the lines read.
    expect(await committed(applicationId, input)).toBe(200n);
    expect([...(await endOffsets(repartition)).values()].reduce((a, b) => a + b, 0n)).toBe(1000n);
    const tasks = readdirSync(join(stateDir, applicationId));
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) expect(existsSync(join(stateDir, applicationId, t, '.lock'))).toBe(false);

    // The next run counts the repartitioned words (once), then stops on SIGINT.
    const second = run(env);
    await second.waitFor(/-> RUNNING/);
    await waitForLatest(output, long, countWords(lines), 30_000);
    expect(await second.stop('SIGINT')).toBe(0);
    expect(second.output()).toContain('[kstreams] SIGINT: closing');
    expect(second.output()).toMatch(/PENDING_SHUTDOWN -> NOT_RUNNING/);
    expect(await groupMembers(applicationId)).toBe(0);
    expect(await committed(applicationId, repartition)).toBe(1000n);
  }, 90_000);

  it('a missing source topic: exits 1 at once, naming the topic', async () => {
    const missing = uniqueName('no-such-topic');
    const app = run({ WC_INPUT: missing, WC_OUTPUT: uniqueName('out'), KSTREAMS_APPLICATION_ID: uniqueName('run-missing'), KSTREAMS_STATE_DIR: newStateDir() });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(new RegExp(`\\[kstreams\\] failed to start: .*${missing}`));
  }, 30_000);

  it('an unreachable broker: exits 1 after bounded retries, naming the broker', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    await new Promise((r) => server.close(r));
    const started = Date.now();
    const app = run({
      WC_INPUT: 'in',
      WC_OUTPUT: 'out',
      KSTREAMS_APPLICATION_ID: uniqueName('run-down'),
      KSTREAMS_STATE_DIR: newStateDir(),
      KSTREAMS_BOOTSTRAP_SERVERS: address,
    });
    expect(await app.exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(app.output()).toContain(`[kstreams] failed to start: Cannot reach Kafka at ${address}`);
  }, 60_000);

  it('an unknown config key: exits 1 with the key named, no stack trace', async () => {
    const app = run({ WC_INPUT: 'in', WC_OUTPUT: 'out', KSTREAMS_STATE_DIR: newStateDir() }, ['--config', 'no.such.setting=1']);
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/\[kstreams\] failed to start: Unknown config key\(s\): no\.such\.setting/);
    expect(app.output()).not.toMatch(/\n\s+at /);
  }, 30_000);
});
