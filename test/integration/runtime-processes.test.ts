// Two application processes (`kstreams run`, real child processes) share the word count;
// one is stopped with SIGTERM while input keeps arriving and the other takes its tasks over.
// At-least-once with clean shutdowns: the totals are exact and nothing is counted twice.
// A join while the first process is busy is checked for loss only (see that test).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AssignerProtocol } from 'kafkajs';
import { createTopics, kafkaClient, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import {
  countWords, endOffsets, latest, long, newStateDir, readAll, removeStateDirs, spawnApp, spread, textLines, type AppProcess,
} from './runtime-support.js';

const APP = 'test/integration/apps/word-count-app.ts';
const started: AppProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.stop('SIGKILL', 1000)));
});
afterAll(removeStateDirs);

/** Waits until the group is Stable with `members` members that all have partitions. */
async function groupSpreadOver(groupId: string, members: number, timeoutMs = 30_000): Promise<Record<string, string[]>> {
  const admin = kafkaClient().admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { groups } = await admin.describeGroups([groupId]);
      const g = groups[0]!;
      const assignments = Object.fromEntries(
        g.members.map((m) => {
          const a = AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment ?? {};
          return [m.clientHost + m.memberId.slice(-6), Object.entries(a).flatMap(([t, ps]) => ps.map((p) => `${t.slice(-4)}-${p}`))];
        }),
      );
      if (g.state === 'Stable' && g.members.length === members && Object.values(assignments).every((a) => a.length > 0)) return assignments;
      if (Date.now() > deadline) throw new Error(`group ${groupId} not spread over ${members} members: ${g.state} ${JSON.stringify(assignments)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await admin.disconnect();
  }
}

/** The group's state, members and committed offsets against end offsets (for failure messages). */
async function progress(groupId: string, topics: string[]): Promise<string> {
  const admin = kafkaClient().admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const members = groups[0]!.members.map((m) => `${m.memberId.slice(-6)}: ${JSON.stringify(AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment ?? {})}`);
    const lines = [`group ${groups[0]!.state}`, ...members];
    for (const topic of topics) {
      const committed = (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions;
      const ends = await admin.fetchTopicOffsets(topic);
      lines.push(`${topic}: ${ends.map((e) => `p${e.partition} ${committed.find((c) => c.partition === e.partition)?.offset}/${e.high}`).join(', ')}`);
    }
    return lines.join('\n');
  } finally {
    await admin.disconnect();
  }
}

/** Waits until the group committed every partition of `topics` up to its end offset. */
async function allCommitted(groupId: string, topics: readonly string[], timeoutMs = 60_000): Promise<void> {
  const admin = kafkaClient().admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let done = true;
      for (const topic of topics) {
        const committed = (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions;
        for (const e of await admin.fetchTopicOffsets(topic)) {
          const c = committed.find((x) => x.partition === e.partition)?.offset ?? '-1';
          if (BigInt(e.high) > 0n && BigInt(c) < BigInt(e.high)) done = false;
        }
      }
      if (done) return;
      if (Date.now() > deadline) throw new Error(`group ${groupId} did not commit ${topics.join(', ')} to the end in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await admin.disconnect();
  }
}

interface Outcome {
  readonly expected: Map<string, number>;
  /** The last count per word after both processes closed. */
  readonly counts: Map<string, number | null>;
  /** Counts emitted above the truth (a record counted twice). */
  readonly overcounted: number;
  /** Records in the repartition topic beyond one per word (a line read twice). */
  readonly extraRepartitioned: bigint;
}

/**
 * A runs alone, B joins, A is stopped with SIGTERM while input keeps arriving, B finishes.
 * `joinMidStream`: B joins while A is busy (A then hands tasks over with uncommitted work);
 * otherwise B joins when A has committed everything so far.
 */
async function shareThenStop(joinMidStream: boolean): Promise<Outcome> {
  const input = uniqueName('mp-in');
  const output = uniqueName('mp-out');
  const applicationId = uniqueName('mp-app');
  const repartition = `${applicationId}-counts-store-repartition`;
  await createTopics([{ topic: input, numPartitions: 4 }, { topic: output, numPartitions: 4 }]);
  // A commit interval longer than a rebalance: tasks change owner with uncommitted work.
  const env = (stateDir: string) => ({
    WC_INPUT: input,
    WC_OUTPUT: output,
    KSTREAMS_APPLICATION_ID: applicationId,
    KSTREAMS_STATE_DIR: stateDir,
    KSTREAMS_COMMIT_INTERVAL_MS: '1000',
  });
  const lines = textLines(0, 3000);
  const expected = countWords(lines);
  const chunks = Array.from({ length: 120 }, (_, i) => lines.slice(i * 25, (i + 1) * 25));
  let produced = 0;
  const produceChunks = async (to: number, pauseMs: number): Promise<void> => {
    for (; produced < to; produced++) {
      await produce(input, spread(chunks[produced]!, 4));
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  const afterChunks = async (n: number): Promise<void> => {
    while (produced < n) await new Promise((r) => setTimeout(r, 20));
  };
  const diagnose = async (e: Error, apps: AppProcess[]): Promise<never> => {
    const outputs = apps.map((p, i) => `--- ${'AB'[i]}:\n${p.output()}`).join('\n');
    throw new Error(`${e.message}\n${await progress(applicationId, [input, repartition, output])}\n${outputs}`);
  };

  const a = spawnApp(APP, env(newStateDir()));
  started.push(a);
  await a.waitFor(/-> RUNNING/);
  let producing: Promise<void>;
  if (joinMidStream) {
    producing = produceChunks(chunks.length, 60);
    await afterChunks(5);
  } else {
    await produceChunks(40, 0);
    await allCommitted(applicationId, [input, repartition]).catch((e: Error) => diagnose(e, [a]));
  }
  const b = spawnApp(APP, env(newStateDir()));
  started.push(b);
  await b.waitFor(/-> RUNNING/);
  const spreadOver = await groupSpreadOver(applicationId, 2).catch((e: Error) => diagnose(e, [a, b]));
  expect(Object.keys(spreadOver)).toHaveLength(2);
  if (joinMidStream) expect(produced).toBeLessThan(chunks.length);
  else producing = produceChunks(chunks.length, 60);

  // Stop A while input keeps coming: it commits, closes and leaves; B takes every task.
  await afterChunks(Math.min(chunks.length - 10, produced + 8));
  expect(await a.stop('SIGTERM'), a.output()).toBe(0);
  expect(a.output()).toMatch(/PENDING_SHUTDOWN -> NOT_RUNNING/);
  expect(produced).toBeLessThan(chunks.length);
  await producing!;
  await groupSpreadOver(applicationId, 1).catch((e: Error) => diagnose(e, [a, b]));
  await allCommitted(applicationId, [input, repartition]).catch((e: Error) => diagnose(e, [a, b]));
  expect(await b.stop('SIGTERM'), b.output()).toBe(0);

  const all = await readAll(output, long);
  const repartitioned = [...(await endOffsets(repartition)).values()].reduce((x, y) => x + y, 0n);
  return {
    expected,
    counts: latest(all),
    overcounted: all.filter((r) => r.value! > expected.get(r.key!)!).length,
    extraRepartitioned: repartitioned - BigInt(lines.length * 5),
  };
}

describe('runtime: two processes share the work', () => {
  it('B takes half the tasks, then all of them when A is stopped mid-stream: counts exact, nothing counted twice', async () => {
    const outcome = await shareThenStop(false);
    // Exact: every word's last count is the truth, no count ever went past it, and the
    // repartition topic holds each word once (a line read twice would add its words again).
    expect(Object.fromEntries(outcome.counts)).toEqual(Object.fromEntries(outcome.expected));
    expect(outcome.overcounted).toBe(0);
    expect(outcome.extraRepartitioned).toBe(0n);
  }, 180_000);

  it('B joining mid-stream loses nothing (at-least-once: a task handed over may be partly counted twice)', async () => {
    const outcome = await shareThenStop(true);
    for (const [word, n] of outcome.expected) expect(outcome.counts.get(word)).toBeGreaterThanOrEqual(n);
    const excess = [...outcome.expected].reduce((sum, [w, n]) => sum + (outcome.counts.get(w)! - n), 0);
    // Measured, not asserted. kafkajs has no revoke-before-rejoin hook: A commits the tasks it
    // loses only after the join completes, while B opens them at the same moment. If B reads
    // the committed offsets before A's final commit but the changelog end after A's final
    // flush, B counts A's last uncommitted records again (rare: a window of about one round
    // trip). Java commits revoked tasks (onPartitionsRevoked) before their new owner gets them.
    console.log(`[join mid-stream] words counted twice: ${excess}; extra repartition records: ${outcome.extraRepartitioned}`);
  }, 180_000);
});
