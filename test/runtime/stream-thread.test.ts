// StreamThread's handling of assignments that follow each other faster than tasks close: a
// task taken away and given back while its revocation still commits must be opened again.
// The consumer and admin are stand-ins (this tests the thread, not the Kafka client); the
// tasks are real (a stateless topology, a temporary state folder).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Serdes } from '../../src/serdes/serdes.js';
import { Topology } from '../../src/topology/topology.js';
import { resolveStreamsConfig } from '../../src/runtime/streams-config.js';
import { planTopics } from '../../src/runtime/topic-plan.js';
import { StreamThread } from '../../src/runtime/stream-thread.js';
import { TaskManager } from '../../src/runtime/task-manager.js';
import type { RecordCollector } from '../../src/runtime/task/record-collector.js';
import type { ConsumedBytes } from '../../src/runtime/task/consumed-record.js';
import { Headers } from '../../src/processor/headers.js';
import type { AssignmentChange, EngineAdmin, EngineConsumer, TopicPartition } from '../../src/runtime/kafka/engine.js';

const INPUT: TopicPartition = { topic: 'in', partition: 0 };
const S = Serdes.String();

/** Holds callers back between `hold()` and `release()`. */
class Gate {
  /** The pending wait while held, else null. */
  held: Promise<void> | null = null;
  private releaseHeld: () => void = () => undefined;

  hold(): void {
    this.held = new Promise((resolve) => (this.releaseHeld = resolve));
  }

  release(): void {
    this.held = null;
    this.releaseHeld();
  }
}

/** A collector whose flush (part of every at-least-once commit) waits while held. */
class HeldCollector extends Gate implements RecordCollector {
  buffered = 0;
  /** Calls of `flush()` so far. */
  flushes = 0;

  /** Records sent so far. */
  sent = 0;

  send(): void {
    this.sent++;
  }

  offsetOf(): undefined {
    return undefined;
  }

  partitionsFor(): number {
    return 1;
  }

  flush(): Promise<void> | null {
    this.flushes++;
    return this.held;
  }
}

/** Committed-offset reads (a step of every task's open) that wait while held. */
class HeldOffsets extends Gate {
  /** Reads waiting for `release()`. */
  waiting = 0;

  async committedOffsets(): Promise<Map<string, unknown>> {
    if (this.held) {
      this.waiting++;
      await this.held;
      this.waiting--;
    }
    return new Map();
  }
}

/** Records what the thread asks of its consumer. */
class RecordingConsumer implements EngineConsumer {
  assignment: readonly TopicPartition[] = [];
  readonly calls: string[] = [];

  async start(): Promise<void> {}
  pause(partitions: readonly TopicPartition[]): void {
    this.calls.push(`pause ${partitions.map((p) => `${p.topic}-${p.partition}`).join(',')}`);
  }
  resume(partitions: readonly TopicPartition[]): void {
    this.calls.push(`resume ${partitions.map((p) => `${p.topic}-${p.partition}`).join(',')}`);
  }
  seek(): void {}
  async commitOffsets(): Promise<void> {}
  async heartbeat(): Promise<'ok'> {
    return 'ok';
  }
  async close(): Promise<void> {}
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setUp(commitIntervalMs = 60_000) {
  const stateDir = mkdtempSync(join(tmpdir(), 'kstreams-thread-'));
  dirs.push(stateDir);
  const topology = new Topology().addSource('src', 'in').addSink('sink', 'out', 'src');
  const config = resolveStreamsConfig({ applicationId: 'thread-test', stateDir, commitIntervalMs, defaultKeySerde: S, defaultValueSerde: S });
  const plan = planTopics(topology, config.applicationId, () => 1);
  const collector = new HeldCollector();
  const offsets = new HeldOffsets();
  const admin = { committedOffsets: () => offsets.committedOffsets() } as unknown as EngineAdmin;
  const tasks = new TaskManager({
    topology,
    config,
    plan,
    collector,
    newTaskProducer: () => {
      throw new Error('at-least-once has no task producers');
    },
    outputTopics: ['out'],
    admin,
    newReader: () => {
      throw new Error('a stateless topology restores nothing');
    },
    emit: () => undefined,
    budget: { cacheBytesPerTask: 1 << 20 },
  });
  const running: boolean[] = [];
  const fatal: unknown[] = [];
  const pause = { paused: false };
  const thread = new StreamThread({
    config,
    tasks,
    collector,
    admin,
    repartitionTopics: new Set(),
    emit: () => undefined,
    onFatal: (error) => fatal.push(error),
    onJoined: () => undefined,
    onRunning: (r) => running.push(r),
    paused: () => pause.paused,
  });
  const consumer = new RecordingConsumer();
  thread.start(consumer);
  const assign = (assignment: TopicPartition[]): void => {
    consumer.assignment = assignment;
    const change: AssignmentChange = { memberId: 'm', isLeader: true, assignment, assigned: [], revoked: [] };
    thread.onAssignment(change);
  };
  /** Resolves once the thread reported all tasks running `n` times. */
  const runningReported = (n: number): Promise<void> => until(() => running.filter(Boolean).length >= n);
  return { thread, tasks, consumer, collector, offsets, assign, runningReported, fatal, pause };
}

describe('StreamThread assignments', () => {
  it('reopens a task given back while its revocation is still committing', async () => {
    const { thread, tasks, consumer, collector, assign, runningReported, fatal } = setUp();
    assign([INPUT]);
    await runningReported(1);
    expect(tasks.tasks.get('0_0')?.state).toBe('running');

    // Taken away: the revocation's commit waits on the producer flush...
    collector.hold();
    assign([]);
    expect(tasks.tasks.get('0_0')?.state).toBe('revoked');
    // ...and given back before that commit finished.
    assign([INPUT]);
    consumer.calls.length = 0;
    collector.release();
    await runningReported(3);

    expect(fatal).toEqual([]);
    expect(tasks.tasks.get('0_0')?.state).toBe('running');
    // The reopened task's partition was paused until it opened, then resumed.
    expect(consumer.calls).toContain('resume in-0');
    await thread.stop(true);
  });

  it("runs a revocation's commit after the loop's commit under way, not beside it", async () => {
    const { thread, tasks, collector, assign, runningReported, fatal } = setUp(20);
    assign([INPUT]);
    await runningReported(1);
    // The loop's next interval commit blocks in the producer flush...
    collector.hold();
    const before = collector.flushes;
    await until(() => collector.flushes > before);
    const during = collector.flushes;
    // ...when a rebalance takes the task away: its commit must wait for that one.
    assign([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(collector.flushes).toBe(during);
    collector.release();
    await until(() => tasks.tasks.size === 0);
    expect(collector.flushes).toBeGreaterThan(during);
    expect(fatal).toEqual([]);
    await thread.stop(true);
  });

  it('stops opening a task taken away while it opens, and opens it when given back', async () => {
    const { thread, tasks, consumer, offsets, assign, fatal } = setUp();
    offsets.hold();
    assign([INPUT]);
    await until(() => offsets.waiting === 1); // opening: reading its committed offsets
    expect(tasks.tasks.get('0_0')?.state).toBe('restoring');

    assign([]); // taken away before it ran
    expect(tasks.tasks.get('0_0')?.state).toBe('revoked');
    offsets.release();
    await until(() => tasks.tasks.size === 0); // released, never run
    expect(consumer.calls).not.toContain('resume in-0');

    assign([INPUT]); // given back: the aborted open released the folder lock, so this one opens
    await until(() => consumer.calls.includes('resume in-0'));
    expect(tasks.tasks.get('0_0')?.state).toBe('running');
    expect(fatal).toEqual([]);
    await thread.stop(true);
  });

  it('opens a task given back while its aborted open still releases it', async () => {
    const { thread, tasks, consumer, offsets, assign, fatal } = setUp();
    offsets.hold();
    assign([INPUT]);
    await until(() => offsets.waiting === 1);
    assign([]);
    assign([INPUT]); // given back before the aborted open let go of the task
    offsets.release();
    await until(() => consumer.calls.includes('resume in-0'));
    expect(tasks.tasks.get('0_0')?.state).toBe('running');
    expect(fatal).toEqual([]);
    await thread.stop(true);
  });
});

describe('StreamThread pause', () => {
  it('processes nothing while paused (records wait in the task), and carries on after resume', async () => {
    const { thread, collector, assign, runningReported, fatal, pause } = setUp();
    assign([INPUT]);
    await runningReported(1);
    pause.paused = true;
    const record = (offset: bigint): ConsumedBytes => ({ topic: 'in', partition: 0, offset, timestamp: 1, key: Buffer.from('k'), value: Buffer.from('v'), headers: new Headers() });
    thread.onBatch({ topic: 'in', partition: 0, records: [record(0n), record(1n)], nextOffset: 2n, highWatermark: 2n });
    await new Promise((r) => setTimeout(r, 150));
    expect(collector.sent).toBe(0);
    pause.paused = false;
    await until(() => collector.sent === 2);
    expect(fatal).toEqual([]);
    await thread.stop(true);
  });
});

