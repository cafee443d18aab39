// Crash tests (issue 5): kill, pause and restart instances of a counting app and check that
// read_committed output has, per key, exactly the counts 1..n.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { kafkaBootstrap } from './kafka.js';
import { committedProgress, countsByKey, exactnessProblems, kill, prepare, readCommitted, sleep, startApp, stop, waitForLog, type AppProcess } from './crash-support.js';
import { startBroker } from '../../scripts/kafka/local-broker.js';
import type { ReadRecord } from './topic-io.js';

const running: AppProcess[] = [];
afterAll(async () => {
  for (const app of running) if (app.child.exitCode === null) await kill(app);
});
/** Apps started by the current test, whose output a failure prints. */
let started: AppProcess[] = [];
afterEach(({ task }) => {
  if (task.result?.state === 'fail') started.forEach((app, i) => console.error(`--- app ${i + 1} of "${task.name}" ---\n${app.log.join('')}`));
  started = [];
});
const start = (...args: Parameters<typeof startApp>): AppProcess => {
  const app = startApp(...args);
  running.push(app);
  started.push(app);
  return app;
};
/** A random pause between `min` and `max` ms: the kills land at arbitrary points. */
const randomMs = (min: number, max: number): number => min + Math.floor(Math.random() * (max - min));

describe('exactly-once under crashes', () => {
  it('SIGKILLed 5 times at random moments, the output still has exactly the counts 1..n per key', async () => {
    const s = await prepare(kafkaBootstrap(), 'crash', 50, 4000); // 200,000 records
    const bootstrap = kafkaBootstrap();
    const progress: number[] = [];
    for (let i = 0; i < 5; i++) {
      const app = start(s, bootstrap);
      // Killed while processing: once it runs (a killed member holds up the next join until
      // its session times out), after a random moment.
      await waitForLog(app, /-> RUNNING/);
      await sleep(randomMs(300, 2000));
      await kill(app);
      progress.push(await committedProgress(bootstrap, s));
    }
    // Some kill landed mid-stream: some, not all, input was committed (a fast machine may
    // finish the input before the last kill).
    expect(progress.some((p) => p > 0 && p < s.total)).toBe(true);
    const last = start(s, bootstrap);
    const out = await readCommitted(bootstrap, s.output, s.total, 120_000);
    expect(exactnessProblems(s, countsByKey(out))).toEqual([]);
    expect(out).toHaveLength(s.total);
    expect(await stop(last)).toBe(0);
    // The changelog (read_committed) holds the same final counts the output shows.
    const changelog = await readCommitted(bootstrap, `${s.applicationId}-counts-changelog`, s.total, 10_000);
    const finalState = [...countsByKey(changelog)].map(([k, seq]) => [k, seq.at(-1)]);
    expect(new Map(finalState as [string, number][])).toEqual(new Map(Array.from({ length: s.keys }, (_, k) => [`k${k}`, s.perKey])));
  }, 240_000);

  it('a paused instance (zombie) whose tasks moved cannot commit output or offsets after it resumes', async () => {
    const s = await prepare(kafkaBootstrap(), 'zombie', 20, 4000);
    const bootstrap = kafkaBootstrap();
    const a = start(s, bootstrap);
    await sleep(4000);
    a.child.kill('SIGSTOP');
    const b = start(s, bootstrap);
    await sleep(12_000); // a's session (6 s) expires; b takes every task and fences a's transactional ids
    a.child.kill('SIGCONT');
    const out = await readCommitted(bootstrap, s.output, s.total, 90_000);
    expect(exactnessProblems(s, countsByKey(out))).toEqual([]);
    expect(out).toHaveLength(s.total);
    await stop(b);
    await stop(a);
  }, 180_000);

  it('a second instance joining and then leaving mid-stream keeps the result exact', async () => {
    const s = await prepare(kafkaBootstrap(), 'join-leave', 30, 4000);
    const bootstrap = kafkaBootstrap();
    const a = start(s, bootstrap);
    await sleep(3000);
    const b = start(s, bootstrap);
    await sleep(6000);
    expect(await stop(b)).toBe(0);
    const out = await readCommitted(bootstrap, s.output, s.total, 90_000);
    expect(exactnessProblems(s, countsByKey(out))).toEqual([]);
    expect(out).toHaveLength(s.total);
    await stop(a);
  }, 180_000);
});

describe('at-least-once under crashes', () => {
  it('loses nothing when SIGKILLed (duplicates allowed)', async () => {
    const s = await prepare(kafkaBootstrap(), 'alos-crash', 30, 1500);
    const bootstrap = kafkaBootstrap();
    for (let i = 0; i < 3; i++) {
      const app = start(s, bootstrap, { guarantee: 'at_least_once' });
      await sleep(randomMs(2500, 5000));
      await kill(app);
    }
    const last = start(s, bootstrap, { guarantee: 'at_least_once' });
    // Every count 1..n of every key emitted at least once (duplicates reach s.total records
    // before the last instance has caught up, so the record count alone does not tell).
    const complete = (records: readonly ReadRecord[]): boolean => {
      const byKey = countsByKey(records);
      return Array.from({ length: s.keys }, (_, k) => new Set(byKey.get(`k${k}`))).every((seen) => Array.from({ length: s.perKey }, (_, i) => seen.has(i + 1)).every(Boolean));
    };
    const out = await readCommitted(bootstrap, s.output, s.total, 120_000, complete);
    const byKey = countsByKey(out);
    for (let k = 0; k < s.keys; k++) {
      const seen = new Set(byKey.get(`k${k}`));
      expect(Array.from({ length: s.perKey }, (_, i) => seen.has(i + 1)).every(Boolean)).toBe(true);
    }
    await stop(last);
  }, 240_000);
});

describe('exactly-once across a broker restart', () => {
  it('resumes after the broker restarts mid-stream and stays exact', async () => {
    const broker = await startBroker();
    try {
      const s = await prepare(broker.bootstrap, 'broker-restart', 20, 1500);
      const app = start(s, broker.bootstrap);
      await sleep(4000);
      await broker.restart();
      const out = await readCommitted(broker.bootstrap, s.output, s.total, 120_000);
      if (out.length < s.total) console.error(`app log:\n${app.log.join('').slice(-4000)}`);
      expect(exactnessProblems(s, countsByKey(out))).toEqual([]);
      expect(out).toHaveLength(s.total);
      await stop(app);
    } finally {
      await broker.stop();
    }
  }, 240_000);
});

