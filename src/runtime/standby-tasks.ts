// Kafka: StandbyTask + the standby part of TaskManager and StoreChangelogReader
import { join } from 'node:path';
import { TaskId } from '../processor/task-id.js';
import { StreamsError } from '../errors/streams-error.js';
import type { StateStore } from '../state/state-store.js';
import type { Topology } from '../topology/topology.js';
import { restoreChangelogs, type RestoreTarget } from './changelog-restorer.js';
import type { EngineAdmin, EnginePartitionReader, TopicPartition } from './kafka/engine.js';
import type { StandbySuspendReason, StandbyUpdateListener } from './standby-update-listener.js';
import type { StateRestoreListener } from './state-restore-listener.js';
import type { ResolvedStreamsConfig } from './streams-config.js';
import type { StreamsEvent } from './streams-event.js';
import { topicPartitionKey } from './task/consumed-record.js';
import type { RecordCollector } from './task/record-collector.js';
import { lockTaskDirWhenFree } from './task/state-dir-lock.js';
import { sleep } from './sleep.js';
import { StreamTask } from './task/stream-task.js';
import type { TopicPlan } from './topic-plan.js';

/** Pause between two catch-up rounds of the standby replicas (each reads up to the ends found at its start). */
const ROUND_PAUSE_MS = 500;

/** A standby replica sends nothing: its processors never run. */
const NO_OUTPUT: RecordCollector = {
  send: () => {
    throw new StreamsError('A standby task cannot send records.');
  },
  partitionsFor: () => {
    throw new StreamsError('A standby task has no output topics.');
  },
  flush: () => null,
  offsetOf: () => undefined,
};

/** What the standby replicas need from the client. */
export interface StandbyDeps {
  readonly topology: Topology;
  readonly config: ResolvedStreamsConfig;
  readonly plan: () => TopicPlan | null;
  readonly admin: EngineAdmin;
  readonly newReader: () => EnginePartitionReader;
  readonly emit: (event: StreamsEvent) => void;
  /** Whether task `id` is active in this process now (its standby is then not wanted here). */
  readonly isActive: (id: string) => boolean;
  /** While true (`KafkaStreams.pause()`), standbys are not updated. */
  readonly paused: () => boolean;
  /** The listener set with `KafkaStreams.setStandbyUpdateListener`, or null. */
  readonly updateListener?: () => StandbyUpdateListener | null;
}

interface Standby {
  readonly id: string;
  readonly task: StreamTask;
  readonly unlock: () => void;
  /** Changelog partitions this standby has checkpointed since it opened (in-memory stores follow from there). */
  readonly caughtUp: Set<string>;
  /**
   * The changelog end each partition was last caught up to: past the transaction markers
   * that follow the last record (exactly-once), which the checkpoint (the last record's
   * offset) does not count.
   */
  readonly positions: Map<string, bigint>;
  /** The changelog partitions the update listener was told of (by key), with their store and last known end. */
  readonly followed: Map<string, { readonly tp: TopicPartition; readonly storeName: string; end: bigint }>;
}

/**
 * This instance's standby replicas (Java's standby tasks, `numStandbyReplicas`): for each
 * task the assignment names, the task's stores in their usual folder, kept up to date from
 * the changelogs and checkpointed as they go, so that the task starts from warm state when it
 * moves here (its restore reads only what the standby had not applied yet). One loop brings
 * every replica to the changelog end, pauses, and goes again; processors never run.
 */
export class StandbyTasks {
  private readonly tasks = new Map<string, Standby>();
  /** Tasks being opened (their lock may wait for an active task here to close). */
  private readonly opening = new Map<string, AbortController>();
  private changes: Promise<void> = Promise.resolve();
  private loop: Promise<void> | null = null;
  private stopLoop = new AbortController();
  private reader: EnginePartitionReader | null = null;

  constructor(private readonly deps: StandbyDeps) {}

  /** The standby tasks open or opening here (reported at each join, for stickiness). */
  ids(): string[] {
    return [...new Set([...this.tasks.keys(), ...this.opening.keys()])];
  }

  /** The instances of store `name` in this process's standby replicas (stale reads). */
  stores(name: string, partition: number | null): StateStore[] {
    return [...this.tasks.values()]
      .filter((s) => (partition === null || s.task.taskId.partition === partition) && s.task.storeNames().includes(name))
      .map((s) => s.task.store(name));
  }

  /** The standby replicas' tasks and their changelog positions (for lag reports). */
  standbyTasks(): { readonly task: StreamTask; readonly positions: ReadonlyMap<string, bigint> }[] {
    return [...this.tasks.values()].map((s) => ({ task: s.task, positions: s.positions }));
  }

  /** Makes `ids` this instance's standby tasks: opens the new ones, closes the others. */
  update(ids: readonly string[]): Promise<void> {
    const wanted = new Set(ids);
    return this.enqueue(async () => {
      for (const id of this.ids()) if (!wanted.has(id)) await this.closeOne(id, 'MIGRATED');
      for (const id of wanted) if (!this.tasks.has(id) && !this.deps.isActive(id)) await this.openOne(id);
      this.ensureLoop();
    });
  }

  /**
   * Closes the standby of task `id` (it is about to become active here and needs the task's
   * folder); resolves once its stores are closed.
   */
  release(id: string): Promise<void> {
    if (!this.tasks.has(id) && !this.opening.has(id)) return Promise.resolve();
    this.opening.get(id)?.abort();
    return this.enqueue(() => this.closeOne(id, 'PROMOTED'));
  }

  async close(): Promise<void> {
    for (const controller of this.opening.values()) controller.abort();
    await this.enqueue(async () => {
      for (const id of this.ids()) await this.closeOne(id);
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.changes.then(work);
    this.changes = next.catch((error: unknown) => this.deps.emit({ type: 'error', error }));
    return next;
  }

  private async openOne(id: string): Promise<void> {
    const { topology, config } = this.deps;
    const taskId = TaskId.parse(id);
    const sub = topology.subtopologies().find((s) => s.id === taskId.subtopology);
    if (sub === undefined) return;
    const controller = new AbortController();
    this.opening.set(id, controller);
    try {
      const taskDir = join(config.stateDir, config.applicationId, id);
      // Another process may still be closing the task (it moved here as a standby).
      const unlock = await lockTaskDirWhenFree(taskDir, controller.signal);
      if (unlock === null) return;
      const newTask = (): StreamTask =>
        new StreamTask({
          taskId,
          topology,
          nodeNames: sub.nodes,
          config,
          collector: NO_OUTPUT,
          taskDir,
          dbBudget: { cacheSize: 1 << 20, writeBufferSize: 1 << 20, maxOpenFiles: 20 },
          cacheMaxBytes: 0,
          wallClockMs: Date.now,
        });
      let task: StreamTask;
      try {
        task = await openStores(newTask, controller.signal, () => this.deps.isActive(id));
      } catch (error) {
        unlock();
        throw error;
      }
      if (controller.signal.aborted) {
        await task.close(false);
        unlock();
        return;
      }
      this.tasks.set(id, { id, task, unlock, caughtUp: new Set(), positions: new Map(), followed: new Map() });
    } finally {
      this.opening.delete(id);
    }
  }

  private async closeOne(id: string, reason: StandbySuspendReason | null = null): Promise<void> {
    const standby = this.tasks.get(id);
    if (standby === undefined) return;
    // The catch-up round in progress may be writing this task's checkpoint.
    await this.pauseLoop();
    this.tasks.delete(id);
    const listener = this.deps.updateListener?.() ?? null;
    if (listener !== null && reason !== null) {
      for (const [key, f] of standby.followed) listener.onUpdateSuspended(f.tp, f.storeName, standby.positions.get(key) ?? 0n, f.end, reason);
    }
    try {
      // Everything applied is checkpointed already (data and offsets in one batch).
      await standby.task.close(false);
    } finally {
      standby.unlock();
      this.ensureLoop();
    }
  }

  private ensureLoop(): void {
    if (this.loop !== null || this.tasks.size === 0) return;
    this.stopLoop = new AbortController();
    const signal = this.stopLoop.signal;
    this.loop = this.run(signal);
  }

  private async pauseLoop(): Promise<void> {
    this.stopLoop.abort();
    await this.loop;
    this.loop = null;
    await this.reader?.close().catch(() => undefined);
    this.reader = null;
  }

  /** Catch-up rounds until stopped: every replica to its changelogs' current end; a failed one is reported and retried. */
  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted && this.tasks.size > 0) {
      // One end-offsets request per round for every standby's changelogs.
      if (this.deps.paused()) {
        await sleep(ROUND_PAUSE_MS, signal);
        continue;
      }
      let ends: Promise<Map<string, bigint>> | null = null;
      const endsOnce = { endOffsets: (topics: readonly string[]) => (ends ??= this.allEnds(topics)) };
      for (const standby of [...this.tasks.values()]) {
        if (signal.aborted) return;
        try {
          const targets = await this.targets(standby);
          this.reader ??= this.deps.newReader();
          const checkpoint = async (offsets: ReadonlyMap<string, bigint>): Promise<void> => {
            await standby.task.checkpointRestored(offsets);
            for (const key of offsets.keys()) standby.caughtUp.add(key);
          };
          const reached = (key: string, end: bigint): void => void standby.positions.set(key, end);
          const listener = this.deps.updateListener?.() ?? null;
          await restoreChangelogs(targets, endsOnce, this.reader, checkpoint, { signal, reached, listener: listener && toRestoreListener(standby, listener) });
        } catch (error) {
          // Reported and tried again next round: a standby is an optimisation, the active task
          // restores whatever the standby lacks.
          ends = null;
          if (!signal.aborted) this.deps.emit({ type: 'error', error, taskId: standby.id });
        }
      }
      await sleep(ROUND_PAUSE_MS, signal);
    }
  }

  /** The end offsets of every standby's changelogs (`first` among them, whoever asks first). */
  private allEnds(first: readonly string[]): Promise<Map<string, bigint>> {
    const plan = this.deps.plan();
    const topics = new Set(first);
    for (const standby of this.tasks.values()) {
      const sub = plan?.subtopologies.find((s) => s.id === standby.task.taskId.subtopology);
      for (const topic of sub?.changelogs.values() ?? []) topics.add(topic);
    }
    return this.deps.admin.endOffsets([...topics]);
  }

  /** The task's changelogs from their checkpoints; a source topic used as changelog up to the committed offset. */
  private async targets(standby: Standby): Promise<RestoreTarget[]> {
    const { task } = standby;
    const sub = this.deps.plan()?.subtopologies.find((s) => s.id === task.taskId.subtopology);
    if (sub === undefined) return [];
    const callbacks = task.restoreCallbacks();
    const checkpointed = task.checkpointOffsets();
    const partition = task.taskId.partition;
    const sourceChangelogs = [...sub.changelogs.values()].filter((topic) => sub.sourceTopics.includes(topic));
    const committed = sourceChangelogs.length ? await this.deps.admin.committedOffsets(this.deps.config.applicationId, sourceChangelogs) : null;
    const targets: RestoreTarget[] = [];
    for (const [storeName, topic] of sub.changelogs) {
      const restore = callbacks.get(storeName);
      if (!restore) continue;
      const key = topicPartitionKey(topic, partition);
      const endOffset = sourceChangelogs.includes(topic) ? (committed?.get(key)?.offset ?? 0n) : undefined;
      // An in-memory store started empty when the standby opened: from the beginning once,
      // then from what this standby applied (its own checkpoints, made in the loop).
      const from = task.store(storeName).persistent() || standby.caughtUp.has(key) ? checkpointed.get(key) : undefined;
      targets.push({ storeName, topic, partition, checkpointed: from, endOffset, restore });
    }
    return targets;
  }
}

/**
 * A standby task with its stores open. The folder lock only keeps other processes out: an
 * active task of the same id in this process (moved away, still closing) holds the LevelDB
 * open, so a LEVEL_LOCKED failure is retried with a fresh task (for up to 30 s) until that
 * one closed; not when `signal` aborts or the task became active here again.
 */
async function openStores(newTask: () => StreamTask, signal: AbortSignal, activeHere: () => boolean): Promise<StreamTask> {
  for (let attempt = 0; ; attempt++) {
    const task = newTask();
    try {
      await task.initializeStores();
      return task;
    } catch (error) {
      await task.close(false).catch(() => undefined);
      const locked = (error as { cause?: { code?: string } }).cause?.code === 'LEVEL_LOCKED';
      if (!locked || attempt >= 150 || signal.aborted || activeHere()) throw error;
      await sleep(200, signal);
    }
  }
}

/** The restorer's callbacks told to a standby update listener: a start once per partition, then each batch with the changelog's end. */
function toRestoreListener(standby: Standby, listener: StandbyUpdateListener): StateRestoreListener {
  return {
    onRestoreStart(tp, storeName, startingOffset, endingOffset) {
      const key = topicPartitionKey(tp.topic, tp.partition);
      const followed = standby.followed.get(key);
      if (followed !== undefined) {
        followed.end = endingOffset;
        return;
      }
      standby.followed.set(key, { tp, storeName, end: endingOffset });
      listener.onUpdateStart(tp, storeName, startingOffset);
    },
    onBatchRestored(tp, storeName, batchEndOffset, numRestored) {
      const end = standby.followed.get(topicPartitionKey(tp.topic, tp.partition))?.end ?? batchEndOffset + 1n;
      listener.onBatchLoaded(tp, storeName, standby.task.taskId, batchEndOffset, numRestored, end);
    },
    onRestoreEnd: () => undefined,
  };
}
