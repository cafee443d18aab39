// Kafka: TaskManager (active tasks only: create on assignment, restore, close on revocation)
import { join } from 'node:path';
import { TaskId } from '../processor/task-id.js';
import type { Topology } from '../topology/topology.js';
import type { ResolvedStreamsConfig } from './streams-config.js';
import type { TopicPlan } from './topic-plan.js';
import type { StreamsEvent } from './streams-event.js';
import { StreamTask } from './task/stream-task.js';
import type { GlobalStores } from './task/global-state-task.js';
import { TaskMetrics } from './task/task-metrics.js';
import type { RecordCollector } from './task/record-collector.js';
import { topicPartitionKey } from './task/consumed-record.js';
import { lockTaskDirWhenFree } from './task/state-dir-lock.js';
import { restoreChangelogs, type RestoreTarget } from './changelog-restorer.js';
import type { StateRestoreListener } from './state-restore-listener.js';
import { offsetResetOf } from './offset-reset-of.js';
import { NoOffsetForPartitionError } from '../errors/no-offset-for-partition-error.js';
import { KafkaRecordCollector } from './kafka-record-collector.js';
import { decodeTopicPartitionMetadata, encodeTopicPartitionMetadata } from './kafka/topic-partition-metadata.js';
import type { CommittedOffset, EngineAdmin, EngineConsumer, EnginePartitionReader, EngineTransactionalProducer, TopicPartition } from './kafka/engine.js';

/** A task of this process and where it is in its life. */
export interface ActiveTask {
  readonly id: string;
  readonly task: StreamTask;
  readonly partitions: TopicPartition[];
  /** 'revoked': taken away by a rebalance, no longer processed, being committed and closed. */
  state: 'restoring' | 'running' | 'revoked' | 'closed';
  /** Next offset to fetch per partition (where the consumer must be after a rejoin). */
  readonly fetched: Map<string, bigint>;
  readonly unlock: () => void;
  /** Exactly-once: the task's own transactional producer and collector. */
  readonly producer: EngineTransactionalProducer | null;
  readonly collector: RecordCollector;
  /** Committed offsets read after fencing (exactly-once): where the consumer must restart. */
  committed: Map<string, CommittedOffset>;
  /** Offsets committed last time, to skip empty transactions. */
  lastCommitted: Map<string, bigint>;
  /** Where partitions without a committed offset start when their source says so (`AutoOffsetReset.byDuration`). */
  readonly resetTo: Map<string, bigint>;
}

/** What the task manager needs from the process around it. */
export interface TaskManagerDeps {
  readonly topology: Topology;
  readonly config: ResolvedStreamsConfig;
  readonly plan: TopicPlan;
  /** The shared collector (at-least-once); null under exactly-once. */
  readonly collector: RecordCollector | null;
  /** Makes a task's transactional producer (exactly-once). */
  readonly newTaskProducer: (taskId: TaskId) => EngineTransactionalProducer;
  /** Topics tasks write to (sinks and changelogs), loaded into new producers. */
  readonly outputTopics: readonly string[];
  readonly admin: EngineAdmin;
  readonly newReader: () => EnginePartitionReader;
  /** This instance's global stores (global tables), readable by every task. */
  readonly globalStores?: GlobalStores | null;
  readonly emit: (event: StreamsEvent) => void;
  readonly budget: { readonly cacheBytesPerTask: number };
  /** Where closed tasks' counters go: the client's, so a replaced thread's totals are kept. */
  readonly retired?: TaskMetrics;
  /** The listener set with `KafkaStreams.setGlobalStateRestoreListener`, or null (asked at each restore). */
  readonly restoreListener?: () => StateRestoreListener | null;
  /** `KafkaStreams.pause()` is in effect: restoration waits (as Java's state updater pauses it). */
  readonly paused?: () => boolean;
  /** Runs before a task opens (a standby replica of it here closes and frees its folder). */
  readonly beforeOpen?: (id: string) => Promise<void>;
}

/**
 * Owns this process's tasks: turns each assignment into tasks (subtopology_partition),
 * keeps tasks that come back, restores new ones before they process, and closes revoked
 * ones after committing what they processed.
 */
export class TaskManager {
  readonly tasks = new Map<string, ActiveTask>();
  /** Counters of tasks closed so far (so totals survive rebalances, and thread restarts when shared). */
  readonly retired: TaskMetrics;
  private readonly subtopologyOfTopic = new Map<string, number>();

  constructor(private readonly deps: TaskManagerDeps) {
    this.retired = deps.retired ?? new TaskMetrics();
    for (const s of deps.plan.subtopologies) for (const t of s.sourceTopics) this.subtopologyOfTopic.set(t, s.id);
  }

  /** The task ids an assignment implies. */
  tasksFor(partitions: readonly TopicPartition[]): Map<string, TopicPartition[]> {
    const out = new Map<string, TopicPartition[]>();
    for (const tp of partitions) {
      const sub = this.subtopologyOfTopic.get(tp.topic);
      if (sub === undefined) continue;
      const id = `${sub}_${tp.partition}`;
      const list = out.get(id) ?? [];
      list.push(tp);
      out.set(id, list);
    }
    return out;
  }

  /**
   * Tasks that are in the new assignment but not open here: new ones, and revoked ones still
   * closing (an assignment that gives a task back before its close finished must reopen it).
   */
  newTasks(assignment: readonly TopicPartition[]): Map<string, TopicPartition[]> {
    const wanted = this.tasksFor(assignment);
    for (const [id, t] of this.tasks) if (t.state !== 'revoked') wanted.delete(id);
    return wanted;
  }

  /** Running tasks the new assignment no longer contains (those still opening are aborted instead). */
  revokedTasks(assignment: readonly TopicPartition[]): ActiveTask[] {
    const wanted = this.tasksFor(assignment);
    return [...this.tasks.values()].filter((t) => !wanted.has(t.id) && t.state === 'running');
  }

  /** Re-seeks kept tasks: every rejoin restarts positions from the committed offsets. */
  reseekKept(consumer: EngineConsumer): void {
    for (const t of this.tasks.values()) {
      for (const tp of t.partitions) {
        const next = t.fetched.get(topicPartitionKey(tp.topic, tp.partition));
        if (next !== undefined) consumer.seek(tp, next);
      }
    }
  }

  /**
   * Creates, initialises and restores one task; its partitions stay paused until it runs.
   * Exactly-once first fences the task's previous owner (InitProducerId on the task's
   * transactional id) and only then reads the committed offsets, so they are final.
   * Resolves null, with everything released, when `signal` aborts before the task runs
   * (it was revoked while opening, or the thread stops): a revoked task's open must not
   * fence its new owner or keep restoring.
   */
  async openTask(id: string, partitions: TopicPartition[], signal: AbortSignal): Promise<ActiveTask | null> {
    const { topology, config, plan } = this.deps;
    const taskId = TaskId.parse(id);
    const sub = topology.subtopologies().find((s) => s.id === taskId.subtopology)!;
    const taskDir = join(config.stateDir, config.applicationId, id);
    if (signal.aborted) return null;
    await this.deps.beforeOpen?.(id);
    if (signal.aborted) return null;
    const unlock = await lockTaskDirWhenFree(taskDir, signal);
    if (unlock === null) return null;
    let producer: EngineTransactionalProducer | null = null;
    try {
      if (this.deps.collector === null && !signal.aborted) {
        producer = this.deps.newTaskProducer(taskId);
        await producer.init();
        await producer.loadTopics(this.deps.outputTopics);
      }
    } catch (error) {
      await producer?.close().catch(() => undefined);
      unlock();
      throw error;
    }
    if (signal.aborted) {
      await producer?.close().catch(() => undefined);
      unlock();
      return null;
    }
    const collector = producer ? new KafkaRecordCollector(producer) : this.deps.collector!;
    const task = new StreamTask({
      taskId,
      topology,
      nodeNames: sub.nodes,
      config,
      collector,
      taskDir,
      dbBudget: { cacheSize: 4 << 20, writeBufferSize: 2 << 20, maxOpenFiles: 50 },
      cacheMaxBytes: this.deps.budget.cacheBytesPerTask,
      wallClockMs: Date.now,
      globalStores: this.deps.globalStores ?? null,
    });
    const active: ActiveTask = { id, task, partitions, state: 'restoring', fetched: new Map(), unlock, producer, collector, committed: new Map(), lastCommitted: new Map(), resetTo: new Map() };
    this.tasks.set(id, active);
    try {
      await task.initialize();
      if (!signal.aborted) await this.readCommitted(active);
      if (!signal.aborted) await this.restore(active, plan.subtopologies.find((s) => s.id === taskId.subtopology)!.changelogs, signal);
    } catch (error) {
      await this.forget(active);
      if (signal.aborted) return null;
      throw error;
    }
    if (signal.aborted) {
      await this.forget(active);
      return null;
    }
    active.state = 'running';
    return active;
  }

  /** Drops a task that never ran (no commit: it processed nothing) and releases what it holds. */
  private async forget(active: ActiveTask): Promise<void> {
    if (this.tasks.get(active.id) === active) this.tasks.delete(active.id);
    active.state = 'closed';
    await this.release(active, false);
  }

  private async readCommitted(active: ActiveTask): Promise<void> {
    const committed = await this.deps.admin.committedOffsets(this.deps.config.applicationId, [...new Set(active.partitions.map((p) => p.topic))]);
    await this.resetUncommitted(active, committed);
    for (const tp of active.partitions) {
      const key = topicPartitionKey(tp.topic, tp.partition);
      const c = committed.get(key);
      if (!c) continue;
      active.committed.set(key, c);
      active.lastCommitted.set(key, c.offset);
      const metadata = decodeTopicPartitionMetadata(c.metadata);
      active.task.seedPartitionTime(tp.topic, tp.partition, metadata.partitionTime);
      // Every partition carries the task's processor metadata; keep the latest value of each key.
      for (const [k, v] of metadata.processorMetadata) {
        const known = active.task.processorMetadata.get(k);
        if (known === undefined || v > known) active.task.processorMetadata.set(k, v);
      }
    }
  }

  /**
   * Partitions without a committed offset start where their source's `AutoOffsetReset` says:
   * earliest or latest through the consumer's subscription, `byDuration` at the first
   * record not older than the duration (`resetTo`), and `none` is an error.
   */
  private async resetUncommitted(active: ActiveTask, committed: ReadonlyMap<string, CommittedOffset>): Promise<void> {
    const now = Date.now();
    for (const tp of active.partitions) {
      const key = topicPartitionKey(tp.topic, tp.partition);
      if (committed.has(key)) continue;
      const policy = offsetResetOf(this.deps.topology, tp.topic);
      if (policy?.type === 'none') {
        throw new NoOffsetForPartitionError(
          `No committed offset for ${key} of group "${this.deps.config.applicationId}", and its source's offset reset policy is AutoOffsetReset.none(). ` +
            'Commit an offset for the group first (kafka-consumer-groups --reset-offsets), or use earliest(), latest() or byDuration().',
        );
      }
      if (policy?.type === 'by_duration') {
        const offsets = await this.deps.admin.offsetsForTimes([tp.topic], now - policy.durationMs!);
        const offset = offsets.get(key);
        if (offset !== undefined) active.resetTo.set(key, offset);
      }
    }
  }

  private async restore(active: ActiveTask, changelogs: ReadonlyMap<string, string>, signal: AbortSignal): Promise<void> {
    const callbacks = active.task.restoreCallbacks();
    const checkpointed = active.task.checkpointOffsets();
    const partition = active.task.taskId.partition;
    const targets: RestoreTarget[] = [];
    for (const [storeName, topic] of changelogs) {
      const restore = callbacks.get(storeName);
      if (!restore) continue;
      const key = topicPartitionKey(topic, partition);
      // A source topic used as changelog (reuse.ktable.source.topics) is restored only up to the
      // committed offset: the task processes it from there (Java's changelogAsSource).
      const endOffset = active.partitions.some((tp) => tp.topic === topic) ? (active.committed.get(key)?.offset ?? 0n) : undefined;
      // An in-memory store starts empty whatever the checkpoint (written for the task's LevelDB stores) says.
      const persistent = active.task.store(storeName).persistent();
      targets.push({ storeName, topic, partition, checkpointed: persistent ? checkpointed.get(key) : undefined, endOffset, restore });
    }
    if (targets.length === 0) return;
    const started = Date.now();
    this.deps.emit({ type: 'restore-start', taskId: active.id, stores: targets.map((t) => t.storeName) });
    const reader = this.deps.newReader();
    try {
      const restored = await restoreChangelogs(
        targets,
        this.deps.admin,
        reader,
        (o) => active.task.checkpointRestored(o),
        { onProgress: (p) => this.deps.emit({ type: 'restore-progress', taskId: active.id, ...p }), listener: this.deps.restoreListener?.() ?? null, signal, paused: this.deps.paused },
      );
      this.deps.emit({ type: 'restore-end', taskId: active.id, restored, ms: Date.now() - started });
    } finally {
      await reader.close();
    }
  }

  /** Offsets to commit for the given tasks (next offset to read + partition time + processor metadata). */
  committableOffsets(tasks: Iterable<ActiveTask>): Map<string, CommittedOffset> {
    const out = new Map<string, CommittedOffset>();
    for (const t of tasks) {
      for (const [key, o] of t.task.committableOffsets()) {
        out.set(key, { offset: o.offset, metadata: encodeTopicPartitionMetadata(o.partitionTime, t.task.processorMetadata) });
      }
    }
    return out;
  }

  /**
   * Closes a task (clean: flush and checkpoint; dirty: drop buffers and uncommitted state,
   * abort its open transaction) and unlocks its folder.
   */
  async closeTask(active: ActiveTask, clean: boolean): Promise<void> {
    if (active.state === 'closed') return;
    active.state = 'closed';
    this.tasks.delete(active.id);
    this.retired.add(active.task.metrics);
    await this.release(active, clean);
  }

  private async release(active: ActiveTask, clean: boolean): Promise<void> {
    try {
      if (!clean && active.producer?.inTransaction) await active.producer.abortTransaction().catch(() => undefined);
      await active.task.close(clean);
    } finally {
      await active.producer?.close().catch(() => undefined);
      active.unlock();
    }
  }
}

/** Totals of every task this process ran: live tasks plus closed ones. */
export function totalMetrics(manager: TaskManager): TaskMetrics {
  const total = new TaskMetrics();
  total.add(manager.retired);
  for (const t of manager.tasks.values()) total.add(t.task.metrics);
  return total;
}
