// Kafka: StreamThread (one per process: the consumer, the processing loop, commits)
import { setImmediate as nextTick } from 'node:timers/promises';
import type { ResolvedStreamsConfig } from './streams-config.js';
import type { StreamsEvent } from './streams-event.js';
import type { TaskManager, ActiveTask } from './task-manager.js';
import type { RecordCollector } from './task/record-collector.js';
import { topicPartitionKey } from './task/consumed-record.js';
import type { AssignmentChange, CommittedOffset, ConsumerBatch, EngineAdmin, EngineConsumer } from './kafka/engine.js';
import { isTransientKafkaError, ProducerFencedError, RebalanceInProgressError } from './kafka/kafka-errors.js';
import { RepartitionPurger } from './repartition-purger.js';
import { TaskOpener } from './task-opener.js';

/** How long one processing slice may run before yielding to the event loop (heartbeats, fetches). */
const SLICE_MS = 8;
/** Records one task processes before the slice checks the clock. */
const CHUNK = 256;
/** At-least-once: output records buffered before the thread sends them without waiting for a commit... */
const SEND_RECORDS = 10_000;
/** ...or the longest a buffered output record waits (Kafka Streams' producer `linger.ms`). */
const LINGER_MS = 100;

/** What the thread needs around it. */
export interface StreamThreadDeps {
  readonly config: ResolvedStreamsConfig;
  readonly tasks: TaskManager;
  /** The shared collector (at-least-once); null under exactly-once (one per task). */
  readonly collector: (RecordCollector & { readonly buffered: number }) | null;
  readonly admin: EngineAdmin;
  readonly repartitionTopics: ReadonlySet<string>;
  readonly emit: (event: StreamsEvent) => void;
  /** Called when the thread dies of an error it cannot handle. */
  readonly onFatal: (error: unknown) => void;
  /** Called after each join with this member's id (group-wide verdicts are read then). */
  readonly onJoined: (memberId: string) => void;
  /** Called after each completed rebalance (true when all tasks run). */
  readonly onRunning: (running: boolean) => void;
  /** While true (`KafkaStreams.pause()`), tasks neither process nor punctuate; the consumer still polls and commits run. */
  readonly paused: () => boolean;
}

/**
 * The processing loop of a process. The consumer's batch callback only enqueues records
 * (pausing partitions whose buffer is full); processing, punctuation and commits run here
 * in short slices separated by `setImmediate`, so kafkajs's run loop keeps heartbeating.
 * New tasks restore outside that loop with their partitions paused.
 */
export class StreamThread {
  private consumer!: EngineConsumer;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private lastCommit = Date.now();
  /** At-least-once: the send in flight between commits, and a failure it left for the next commit. */
  private sending: Promise<void> | null = null;
  private sendFailure: { readonly error: unknown } | null = null;
  private lastSend = Date.now();
  private readonly paused = new Set<string>();
  private wake: (() => void) | null = null;
  /** The commit under way (settled), which the next one waits for. */
  private committing: Promise<void> = Promise.resolve();
  /** Revoked tasks whose commit and close is under way, by id (settles when closed). */
  private readonly closing = new Map<string, Promise<void>>();
  private readonly purger: RepartitionPurger;
  private readonly opener: TaskOpener;

  constructor(private readonly deps: StreamThreadDeps) {
    this.purger = new RepartitionPurger(deps.repartitionTopics, deps.admin, deps.emit);
    this.opener = new TaskOpener({
      config: deps.config,
      tasks: deps.tasks,
      emit: deps.emit,
      consumer: () => this.consumer,
      running: () => this.running,
      closing: (id) => this.closing.get(id),
      opened: () => this.wake?.(),
    });
  }

  /** Starts the loop with a consumer whose callbacks are `onBatch` and `onAssignment`. */
  start(consumer: EngineConsumer): void {
    this.consumer = consumer;
    this.running = true;
    this.loopDone = this.loop().catch((error: unknown) => {
      this.running = false;
      this.deps.onFatal(error);
    });
  }

  /** Consumer callback: buffer a fetched batch into its task. */
  onBatch(batch: ConsumerBatch): void {
    const id = [...this.deps.tasks.tasksFor([batch]).keys()][0];
    const active = id === undefined ? undefined : this.deps.tasks.tasks.get(id);
    if (!active || active.state === 'closed') return;
    const key = topicPartitionKey(batch.topic, batch.partition);
    active.fetched.set(key, batch.nextOffset);
    if (batch.records.length === 0) return;
    active.task.addRecords(batch.topic, batch.partition, batch.records);
    const queue = active.task.partitionGroup.queue(batch.topic, batch.partition);
    if (queue && queue.size >= this.deps.config.bufferedRecordsPerPartition && !this.paused.has(key)) {
      this.paused.add(key);
      this.consumer.pause([batch]);
    }
    this.wake?.();
  }

  /** Consumer callback after each join: close revoked tasks, keep the rest, open new ones. */
  onAssignment(change: AssignmentChange): void {
    const { tasks } = this.deps;
    const created = tasks.newTasks(change.assignment);
    // Pause new tasks' partitions synchronously, before the new generation's first fetch.
    const toPause = [...created.values()].flat();
    if (toPause.length) this.consumer.pause(toPause);
    tasks.reseekKept(this.consumer);
    const revoked = tasks.revokedTasks(change.assignment);
    // Stop processing revoked tasks at once: their final commit must cover all they output.
    for (const t of revoked) t.state = 'revoked';
    const wanted = tasks.tasksFor(change.assignment);
    const aborted = this.opener.abortUnwanted(wanted);
    this.deps.emit({ type: 'assigned', tasks: [...wanted.keys()], revoked: [...revoked.map((t) => t.id), ...aborted] });
    this.deps.onRunning(created.size === 0);
    this.deps.onJoined(change.memberId);
    const closed = revoked.length ? this.commitAndClose(revoked) : Promise.resolve();
    const settled = closed.catch(() => undefined);
    for (const t of revoked) this.closing.set(t.id, settled);
    void settled.then(() => {
      for (const t of revoked) if (this.closing.get(t.id) === settled) this.closing.delete(t.id);
    });
    const work = (async () => {
      await closed;
      await Promise.all([...created].map(([id, parts]) => this.opener.open(id, parts)));
      this.deps.onRunning(true);
    })();
    work.catch((error: unknown) => this.deps.onFatal(error));
  }

  /** Commits revoked tasks and closes them: clean after a commit, dirty when it threw (as Java's revocation). */
  private async commitAndClose(revoked: ActiveTask[]): Promise<void> {
    const committed = await this.commit(revoked).then(
      () => true,
      (error: unknown) => {
        this.deps.emit({ type: 'error', error });
        return false;
      },
    );
    for (const t of revoked) {
      for (const tp of t.partitions) this.paused.delete(topicPartitionKey(tp.topic, tp.partition));
      await this.deps.tasks.closeTask(t, committed);
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const processed = await this.slice();
      await this.maybeSend();
      const now = Date.now();
      if (now - this.lastCommit >= this.deps.config.commitIntervalMs || this.commitRequested()) await this.commit();
      await this.purger.maybePurge(now);
      if (processed === 0) await this.idle();
      else await nextTick();
    }
  }

  /**
   * At-least-once: sends buffered output between commits once SEND_RECORDS are buffered or the
   * oldest waited LINGER_MS. kafkajs has no linger, and output held until the next commit
   * (30 s by default) would grow without bound and stall downstream sub-topologies. One send
   * at a time; processing goes on meanwhile unless 4 x SEND_RECORDS pile up. A failed send
   * fails the next commit (its records are lost, so their offsets must not be committed).
   */
  private async maybeSend(): Promise<void> {
    const collector = this.deps.collector;
    if (!collector || collector.buffered === 0) return;
    if (this.sending) {
      if (collector.buffered >= 4 * SEND_RECORDS) await this.sending;
      return;
    }
    if (collector.buffered < SEND_RECORDS && Date.now() - this.lastSend < LINGER_MS) return;
    this.lastSend = Date.now();
    const sent = collector.flush();
    if (!sent) return;
    this.sending = sent.then(
      () => void (this.sending = null),
      (error: unknown) => {
        this.sending = null;
        this.sendFailure ??= { error };
      },
    );
  }

  /** One slice: process ready tasks for up to SLICE_MS, punctuate, resume drained partitions. */
  private async slice(): Promise<number> {
    // Paused: fetched records wait in the task buffers (full ones pause their partitions).
    if (this.deps.paused()) return 0;
    const deadline = Date.now() + SLICE_MS;
    let total = 0;
    for (let progress = true; progress && Date.now() < deadline; ) {
      progress = false;
      for (const active of this.runningTasks()) {
        if (!active.task.partitionGroup.readyToProcess(Date.now())) continue;
        const n = await active.task.process(CHUNK);
        await active.task.maybePunctuateStreamTime();
        if (n > 0) progress = true;
        total += n;
      }
    }
    for (const active of this.runningTasks()) await active.task.maybePunctuateSystemTime();
    this.resumeDrained();
    return total;
  }

  private runningTasks(): ActiveTask[] {
    return [...this.deps.tasks.tasks.values()].filter((t) => t.state === 'running');
  }

  private commitRequested(): boolean {
    return this.runningTasks().some((t) => t.task.commitRequested);
  }

  private resumeDrained(): void {
    if (this.paused.size === 0) return;
    const limit = this.deps.config.bufferedRecordsPerPartition / 2;
    for (const active of this.runningTasks()) {
      for (const tp of active.partitions) {
        const key = topicPartitionKey(tp.topic, tp.partition);
        if (!this.paused.has(key)) continue;
        const queue = active.task.partitionGroup.queue(tp.topic, tp.partition);
        if (!queue || queue.size < limit) {
          this.paused.delete(key);
          this.consumer.resume([tp]);
        }
      }
    }
  }

  private async idle(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 20);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = null;
  }

  /**
   * Commits tasks: flush their caches and stores, then either (at-least-once) flush the
   * shared producer and commit the input offsets, or (exactly-once) per task send its
   * output, changelog records and input offsets in one transaction. State is checkpointed
   * only after that, so local stores never hold uncommitted state.
   */
  commit(which?: ActiveTask[]): Promise<void> {
    // One commit at a time: a revocation's commit waits for the loop's (which may hold the
    // same task), as Java's single thread would; tasks closed meanwhile are skipped.
    const run = this.committing.then(() => this.commitNow(which));
    this.committing = run.catch(() => undefined);
    return run;
  }

  private async commitNow(which?: ActiveTask[]): Promise<void> {
    const started = Date.now();
    this.lastCommit = started;
    const tasks = (which ?? this.runningTasks()).filter((t) => t.state !== 'closed');
    if (tasks.length === 0) return;
    for (const t of tasks) await t.task.prepareCommit();
    if (this.deps.collector === null) {
      for (const t of tasks) await this.commitTransaction(t);
    } else {
      if (!(await this.flushShared(tasks))) return;
      const offsets = this.deps.tasks.committableOffsets(tasks);
      try {
        if (offsets.size) await this.consumer.commitOffsets(offsets);
      } catch (error) {
        // A rebalance is under way: tasks kept commit again after the rejoin; the new owner of a
        // task taken away starts from its last commit (at-least-once). A restarting broker:
        // the next commit carries these offsets too.
        if (error instanceof RebalanceInProgressError) return;
        if (!isTransientKafkaError(error)) throw error;
        this.deps.emit({ type: 'error', error });
        return;
      }
      for (const [key, o] of offsets) this.purger.committedAt(key, o.offset);
      for (const t of tasks) await t.task.postCommit(false);
    }
    this.deps.emit({ type: 'commit', tasks: tasks.length, ms: Date.now() - started });
  }

  /**
   * Flushes the shared producer. A send that failed after the client's retries goes to the
   * production handler: 'continue' drops it (counted) and commits; 'retry' reprocesses
   * from the committed offsets (tasks closed dirty and reopened); 'fail' is fatal.
   */
  private async flushShared(tasks: ActiveTask[]): Promise<boolean> {
    try {
      await this.sending;
      const failed = this.sendFailure;
      this.sendFailure = null;
      if (failed) throw failed.error;
      await this.deps.collector!.flush();
      return true;
    } catch (error) {
      const handler = this.deps.config.productionExceptionHandler;
      // As Java's default handler: a send that failed for a transient reason is retried.
      const verdict =
        typeof handler === 'function'
          ? handler({ taskId: null, sinkNode: null, record: null, error })
          : handler === 'fail' && isTransientKafkaError(error)
            ? 'retry'
            : handler;
      this.deps.emit({ type: 'error', error });
      if (verdict === 'continue') {
        for (const t of tasks) t.task.metrics.droppedRecordsTotal++;
        return true;
      }
      if (verdict === 'fail') throw error;
      for (const t of tasks) {
        this.consumer.pause(t.partitions);
        await this.deps.tasks.closeTask(t, false);
        await this.opener.open(t.id, t.partitions);
      }
      return false;
    }
  }

  private async commitTransaction(t: ActiveTask): Promise<void> {
    const producer = t.producer!;
    const offsets = new Map<string, CommittedOffset>();
    for (const [key, o] of this.deps.tasks.committableOffsets([t])) {
      if (t.lastCommitted.get(key) !== o.offset) offsets.set(key, o);
    }
    if (offsets.size === 0 && producer.buffered === 0) return;
    try {
      await producer.beginTransaction();
      if (offsets.size) await producer.sendOffsets(this.deps.config.applicationId, offsets);
      const result = await producer.commitTransaction();
      (t.collector as { noteAcked?: (r: typeof result) => void }).noteAcked?.(result);
    } catch (error) {
      await this.transactionFailed(t, error);
      return;
    }
    for (const [key, o] of offsets) {
      t.lastCommitted.set(key, o.offset);
      this.purger.committedAt(key, o.offset);
    }
    await t.task.postCommit(false);
  }

  /**
   * A task's transaction failed. Its output and state since the last commit are dropped
   * (dirty close). Fenced: another process owns the task now, so it stays closed until an
   * assignment gives it back. Otherwise the task is corrupted: reopen it, which fences,
   * seeks back to the committed offsets and restores.
   */
  private async transactionFailed(t: ActiveTask, error: unknown): Promise<void> {
    this.deps.emit({ type: 'error', error, taskId: t.id });
    const partitions = t.partitions;
    this.consumer.pause(partitions);
    await this.deps.tasks.closeTask(t, false);
    if (error instanceof ProducerFencedError) return;
    if (this.running && this.opener.owns(partitions)) await this.opener.open(t.id, partitions);
  }

  /** Stops the loop; a clean stop commits and closes every task, then leaves the group. */
  async stop(clean: boolean): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
    await this.opener.abortAll();
    const tasks = [...this.deps.tasks.tasks.values()];
    if (clean) await this.commit(tasks.filter((t) => t.state === 'running'));
    for (const t of tasks) await this.deps.tasks.closeTask(t, clean && t.state === 'running');
    await this.consumer.close();
  }
}
