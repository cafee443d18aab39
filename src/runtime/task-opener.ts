// Kafka: the task creation half of TaskManager.handleAssignment (open, restore, then resume)
import { NoOffsetForPartitionError } from '../errors/no-offset-for-partition-error.js';
import type { ResolvedStreamsConfig } from './streams-config.js';
import type { StreamsEvent } from './streams-event.js';
import type { ActiveTask, TaskManager } from './task-manager.js';
import { topicPartitionKey } from './task/consumed-record.js';
import type { EngineConsumer, TopicPartition } from './kafka/engine.js';
import { ProducerFencedError } from './kafka/kafka-errors.js';

/** What the opener needs from its stream thread. */
export interface TaskOpenerDeps {
  readonly config: ResolvedStreamsConfig;
  readonly tasks: TaskManager;
  readonly emit: (event: StreamsEvent) => void;
  readonly consumer: () => EngineConsumer;
  /** Whether the thread still runs (a failed open is retried only then). */
  readonly running: () => boolean;
  /** The close under way of an earlier revocation of the task, if any: the open waits for it. */
  readonly closing: (id: string) => Promise<void> | undefined;
  /** A task opened and its partitions resumed. */
  readonly opened: () => void;
}

/**
 * Opens a stream thread's new tasks outside its loop, their partitions paused meanwhile:
 * lock, producer, stores, committed offsets, restore, then a seek to the committed offsets
 * and a resume. A task taken away while still opening stops at its next step and releases
 * what it holds; it is neither committed nor processed.
 */
export class TaskOpener {
  /** Tasks being opened, by id: the open under way and what aborts it. */
  private readonly opening = new Map<string, { readonly done: Promise<void>; readonly abort: AbortController }>();

  constructor(private readonly deps: TaskOpenerDeps) {}

  /**
   * Opens a task (resolves when it runs, or when its open was given up). A task given back
   * while an earlier revocation still closes it, or an aborted open still releases it,
   * opens after that.
   */
  async open(id: string, partitions: TopicPartition[]): Promise<void> {
    const previous = this.opening.get(id);
    if (previous && !previous.abort.signal.aborted) return previous.done;
    const abort = new AbortController();
    const before = Promise.all([this.deps.closing(id), previous?.done.catch(() => undefined)]);
    const done = before.then(() => this.openWithRetry(id, partitions, abort.signal)).then((active) => {
      if (active?.state !== 'running') return; // not opened, or revoked since
      // Restart exactly at the committed offsets (under exactly-once, read after the fence
      // made them final), dropping anything fetched before.
      const consumer = this.deps.consumer();
      for (const tp of partitions) {
        const key = topicPartitionKey(tp.topic, tp.partition);
        const offset = active.committed.get(key)?.offset ?? active.resetTo.get(key);
        if (offset === undefined) continue;
        active.task.partitionGroup.queue(tp.topic, tp.partition)?.clear();
        consumer.seek(tp, offset);
      }
      consumer.resume(partitions);
      this.deps.opened();
    });
    const entry = { done, abort };
    this.opening.set(id, entry);
    try {
      await done;
    } finally {
      if (this.opening.get(id) === entry) this.opening.delete(id);
    }
  }

  /**
   * Aborts the opens of tasks a new assignment no longer holds; returns their ids. Such a
   * task is marked revoked, so it counts as new if given back.
   */
  abortUnwanted(wanted: ReadonlyMap<string, unknown>): string[] {
    const aborted: string[] = [];
    for (const [id, o] of this.opening) {
      if (wanted.has(id) || o.abort.signal.aborted) continue;
      o.abort.abort();
      const active = this.deps.tasks.tasks.get(id);
      if (active?.state === 'restoring') active.state = 'revoked';
      aborted.push(id);
    }
    return aborted;
  }

  /** Aborts every open (the thread stops) and waits until each released what it held. */
  async abortAll(): Promise<void> {
    const opening = [...this.opening.values()];
    for (const o of opening) o.abort.abort();
    await Promise.allSettled(opening.map((o) => o.done));
  }

  /**
   * Opens a task, retrying with backoff for up to `taskTimeoutMs` (Kafka's
   * `task.timeout.ms`): a restarting broker or a loading transaction coordinator must not
   * kill the instance. Gives up quietly when the open was aborted, the task is no longer ours
   * or we were fenced.
   */
  private async openWithRetry(id: string, partitions: TopicPartition[], signal: AbortSignal): Promise<ActiveTask | null> {
    const deadline = Date.now() + this.deps.config.taskTimeoutMs;
    for (let backoff = 250; ; backoff = Math.min(backoff * 2, 5000)) {
      try {
        return await this.deps.tasks.openTask(id, partitions, signal);
      } catch (error) {
        if (signal.aborted || error instanceof ProducerFencedError || !this.deps.running() || !this.owns(partitions)) return null;
        if (Date.now() + backoff > deadline || error instanceof NoOffsetForPartitionError) throw error;
        this.deps.emit({ type: 'error', error, taskId: id });
        await new Promise((r) => setTimeout(r, backoff));
      }
    }
  }

  /** Whether the consumer's current assignment holds all of `partitions`. */
  owns(partitions: readonly TopicPartition[]): boolean {
    const { assignment } = this.deps.consumer();
    return partitions.every((tp) => assignment.some((a) => a.topic === tp.topic && a.partition === tp.partition));
  }
}
