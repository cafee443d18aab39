// Kafka: StreamTask
import { EMPTY_HEADERS } from '../../processor/headers.js';
import type { Headers } from '../../processor/headers.js';
import { PunctuationType, type Cancellable, type Punctuator } from '../../processor/punctuation-type.js';
import type { TaskId } from '../../processor/task-id.js';
import type { StateStore } from '../../state/state-store.js';
import type { RecordContext, RestoreCallback, StateStoreContext } from '../../state/state-store-context.js';
import type { TaskDb } from '../../state/leveldb/task-db.js';
import type { Topology } from '../../topology/topology.js';
import { StreamsError } from '../../errors/streams-error.js';
import type { Record } from '../../processor/record.js';
import type { ResolvedStreamsConfig } from '../streams-config.js';
import { topicPartitionKey, type ConsumedBytes } from './consumed-record.js';
import { NodeContext } from './node-context.js';
import { PartitionGroup } from './partition-group.js';
import { ProcessorNode } from './processor-node.js';
import { PunctuationQueue, type PunctuationSchedule } from './punctuation-queue.js';
import type { RecordCollector } from './record-collector.js';
import { RecordQueue, type StampedRecord } from './record-queue.js';
import type { RuntimeNode } from './runtime-node.js';
import { SourceNode } from './source-node.js';
import { TaskErrorPolicy } from './task-error-policy.js';
import { createRuntimeNode } from './create-runtime-node.js';
import { TaskMetrics } from './task-metrics.js';
import type { TaskRuntime } from './task-runtime.js';
import { TaskStores } from './task-stores.js';
import type { StreamTaskOptions } from './stream-task-options.js';

const PUNCTUATION_CONTEXT = (timestamp: number): RecordContext => ({
  timestamp,
  headers: EMPTY_HEADERS as Headers,
  topic: null,
  partition: -1,
  offset: -1n,
});

/**
 * One task: the processors, stores and input partitions of one sub-topology for one
 * partition number. Processes buffered records in timestamp order, synchronously; a
 * processor returning a Promise makes the task await it before the next record.
 * The same class runs under `TopologyTestDriver` and `KafkaStreams`.
 */
export class StreamTask implements TaskRuntime, StateStoreContext {
  readonly taskId: TaskId;
  readonly config: ResolvedStreamsConfig;
  readonly collector: RecordCollector;
  readonly metrics = new TaskMetrics();
  readonly applicationId: string;
  readonly appConfigs: Readonly<{ [key: string]: unknown }>;
  readonly cacheMaxBytes: number;
  readonly pending: Promise<void>[] = [];
  currentContext: RecordContext = PUNCTUATION_CONTEXT(-1);
  currentNode = '';
  commitRequested = false;
  /**
   * Kafka's `ProcessorMetadata`: per-processor values (an emit-on-window-close aggregation's
   * last emitted close time, under its store name) committed with every input partition's
   * offset and read back when the task opens.
   */
  readonly processorMetadata = new Map<string, bigint>();
  /** The input record being processed (null in punctuation). */
  private currentRaw: ConsumedBytes | null = null;

  readonly partitionGroup: PartitionGroup;
  private readonly stateStores: TaskStores;
  private readonly nodes = new Map<string, RuntimeNode>();
  private readonly processors: ProcessorNode[] = [];
  private readonly sourceByTopic = new Map<string, SourceNode>();
  private readonly patternSources: { pattern: RegExp; node: SourceNode }[] = [];
  private readonly streamTimePunctuation = new PunctuationQueue();
  private readonly wallClockPunctuation = new PunctuationQueue();
  private readonly options: StreamTaskOptions;
  private readonly errors: TaskErrorPolicy;

  constructor(options: StreamTaskOptions) {
    this.options = options;
    this.taskId = options.taskId;
    this.config = options.config;
    this.collector = options.collector;
    this.applicationId = options.config.applicationId;
    this.appConfigs = options.config.raw;
    this.cacheMaxBytes = options.cacheMaxBytes;
    this.partitionGroup = new PartitionGroup(options.config.maxTaskIdleMs);
    this.errors = new TaskErrorPolicy(options.taskId, options.config, options.collector, this.metrics);
    const budget = options.dbBudget;
    this.stateStores = new TaskStores(this.applicationId, options.taskDir, budget, budget.writeBufferSize * 4);
  }

  /** The topic name the runtime uses: internal topics get the `<applicationId>-` prefix. */
  static runtimeTopic(topology: Topology, applicationId: string, topic: string): string {
    return topology.internalTopics.has(topic) ? `${applicationId}-${topic}` : topic;
  }

  /** Instantiates processors and stores, initialises the stores (opening LevelDB), then the processors. */
  async initialize(): Promise<void> {
    const { topology, nodeNames } = this.options;
    for (const name of nodeNames) this.nodes.set(name, this.instantiate(topology, name));
    for (const name of nodeNames) {
      const spec = topology.nodes.get(name)!;
      if (spec.kind === 'source') continue;
      for (const parent of spec.parents) this.nodes.get(parent)!.addChild(this.nodes.get(name)!);
    }
    await this.initializeStores();
    for (const node of this.processors) {
      this.currentNode = node.name;
      node.processor.init?.(new NodeContext(this, node, node.storeNames));
    }
    this.currentNode = '';
  }

  /**
   * Creates the sub-topology's stores and initialises them (opening LevelDB). Called alone
   * for a standby replica, whose processors never run: only its stores are kept up to date.
   */
  async initializeStores(): Promise<void> {
    const { topology, nodeNames } = this.options;
    const names = new Set(nodeNames);
    const storeSpecs = [...topology.stores.values()].filter((s) => [...s.users].some((u) => names.has(u)));
    for (const store of this.stateStores.create(storeSpecs)) await store.init(this, store);
  }

  private instantiate(topology: Topology, name: string): RuntimeNode {
    const spec = topology.nodes.get(name)!;
    const node = createRuntimeNode(this, spec, (topic) => StreamTask.runtimeTopic(topology, this.applicationId, topic));
    if (node instanceof ProcessorNode) this.processors.push(node);
    if (node instanceof SourceNode && spec.kind === 'source') {
      for (const topic of spec.topics ?? []) this.sourceByTopic.set(StreamTask.runtimeTopic(topology, this.applicationId, topic), node);
      if (spec.pattern) this.patternSources.push({ pattern: spec.pattern, node });
    }
    return node;
  }

  /** Whether `topic` is read by this task. */
  consumes(topic: string): boolean {
    return this.sourceFor(topic) !== null;
  }

  private sourceFor(topic: string): SourceNode | null {
    const exact = this.sourceByTopic.get(topic);
    if (exact) return exact;
    for (const p of this.patternSources) {
      if (p.pattern.test(topic)) {
        this.sourceByTopic.set(topic, p.node);
        return p.node;
      }
    }
    return null;
  }

  /** Buffers records of one input partition. */
  addRecords(topic: string, partition: number, records: readonly ConsumedBytes[]): void {
    this.queueFor(topic, partition).add(records);
  }

  /** Buffers one record (the driver's per-record path). */
  addRecord(topic: string, partition: number, record: ConsumedBytes): void {
    this.queueFor(topic, partition).push(record);
  }

  /** Starts a partition's time (and the task's stream time) from its committed partition time. */
  seedPartitionTime(topic: string, partition: number, partitionTime: number): void {
    if (partitionTime < 0) return;
    const queue = this.queueFor(topic, partition);
    if (partitionTime > queue.partitionTime) queue.partitionTime = partitionTime;
    if (partitionTime > this.partitionGroup.streamTime) this.partitionGroup.streamTime = partitionTime;
  }

  private queueFor(topic: string, partition: number): RecordQueue {
    let queue = this.partitionGroup.queue(topic, partition);
    if (!queue) {
      const source = this.sourceFor(topic);
      if (!source) throw new StreamsError(`Task ${this.taskId} does not read topic ${topic}.`);
      queue = new RecordQueue(topic, partition, source);
      this.partitionGroup.addQueue(queue);
    }
    return queue;
  }

  /**
   * Processes up to `maxRecords` buffered records in timestamp order. Synchronous unless a
   * processor returned a Promise, in which case the rest continues after it settles.
   */
  process(maxRecords: number): number | Promise<number> {
    let n = 0;
    while (n < maxRecords) {
      const stamped = this.partitionGroup.nextRecord();
      if (stamped === null) break;
      n++;
      this.processRecord(stamped);
      if (this.pending.length) return this.awaitPending(stamped).then(() => this.continueProcessing(n, maxRecords));
    }
    return n;
  }

  private async continueProcessing(done: number, maxRecords: number): Promise<number> {
    return done + (await this.process(maxRecords - done));
  }

  private processRecord(stamped: StampedRecord): void {
    const raw = stamped.raw;
    const record = stamped.record;
    this.currentRaw = raw;
    this.currentContext = { timestamp: record.timestamp, headers: record.headers, topic: raw.topic, partition: raw.partition, offset: raw.offset };
    const source = this.sourceByTopic.get(raw.topic)!;
    this.currentNode = source.name;
    try {
      source.process(record);
    } catch (error) {
      this.processingFailed(error, record);
    }
    this.metrics.processTotal++;
  }

  private async awaitPending(stamped: StampedRecord | null): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0);
      try {
        await Promise.all(batch);
      } catch (error) {
        this.processingFailed(error, stamped?.record ?? null);
      }
    }
  }

  private processingFailed(error: unknown, record: Record<unknown, unknown> | null): void {
    this.errors.processingFailed(error, record, this.currentContext, this.currentNode, this.currentRaw);
  }

  /** The task's stream time. */
  streamTime(): number {
    return this.partitionGroup.streamTime;
  }

  wallClockMs(): number {
    return this.options.wallClockMs();
  }

  requestCommit(): void {
    this.commitRequested = true;
  }

  /** Registers a punctuation (called through `ProcessorContext.schedule`). */
  schedule(node: string, interval: number, type: PunctuationType, punctuator: Punctuator): Cancellable {
    return type === PunctuationType.STREAM_TIME
      ? this.streamTimePunctuation.schedule(node, 0, interval, punctuator)
      : this.wallClockPunctuation.schedule(node, this.wallClockMs() + interval, interval, punctuator);
  }

  /** Fires due stream-time punctuations; null when none is due (the common, synchronous case). */
  maybePunctuateStreamTime(): Promise<number> | null {
    const now = this.streamTime();
    if (!this.streamTimePunctuation.due(now)) return null;
    return this.streamTimePunctuation.punctuate(now, (s, t) => this.punctuate(s, t));
  }

  /** Fires due wall-clock punctuations; null when none is due. */
  maybePunctuateSystemTime(): Promise<number> | null {
    const now = this.wallClockMs();
    if (!this.wallClockPunctuation.due(now)) return null;
    return this.wallClockPunctuation.punctuate(now, (s, t) => this.punctuate(s, t));
  }

  deadLetter(raw: ConsumedBytes, error: unknown): void {
    this.errors.deadLetter(raw, error);
  }

  productionFailed(sinkNode: string, record: Record<unknown, unknown>, error: unknown): void {
    this.errors.productionFailed(sinkNode, record, error, this.currentRaw);
  }

  private punctuate(schedule: PunctuationSchedule, now: number): void | Promise<void> {
    this.currentRaw = null;
    this.currentContext = PUNCTUATION_CONTEXT(now);
    this.currentNode = schedule.node;
    this.metrics.punctuateTotal++;
    try {
      const result = schedule.punctuator(now);
      if (result) this.pending.push(result);
    } catch (error) {
      this.processingFailed(error, null);
    }
    if (this.pending.length) return this.awaitPending(null);
  }

  /**
   * The first half of a commit: flush caches (forwarding downstream) and stores. The owner
   * then flushes the record collector and commits offsets. Returns a Promise only when an
   * async processor must be awaited.
   */
  prepareCommit(): Promise<void> | null {
    this.commitRequested = false;
    this.stateStores.flush();
    this.metrics.commitTotal++;
    return this.pending.length ? this.awaitPending(null) : null;
  }

  /** After offsets are committed: checkpoint state when due (always when `force`). */
  postCommit(force: boolean): Promise<void> | null {
    return this.stateStores.maybeCheckpoint(this.collector, this.taskId.partition, force, this.sourceChangelogOffset);
  }

  /** For a store restored from a source topic: that topic and the last offset processed from it (-1n: none yet). */
  private readonly sourceChangelogOffset = (storeName: string): { topic: string; offset: bigint } | null => {
    const topic = this.options.topology.sourceChangelogs.get(storeName);
    if (topic === undefined) return null;
    return { topic, offset: this.partitionGroup.queue(topic, this.taskId.partition)?.lastOffset ?? -1n };
  };

  /** The restore callbacks of this task's stores, by store name. */
  restoreCallbacks(): Map<string, RestoreCallback> {
    const out = new Map<string, RestoreCallback>();
    for (const [name, r] of this.stateStores.registered) if (r.restore) out.set(name, r.restore);
    return out;
  }

  /** Changelog offsets of the last checkpoint, by `topic-partition`. */
  checkpointOffsets(): ReadonlyMap<string, bigint> {
    return this.stateStores.checkpointOffsets();
  }

  /** Persists restored state with the changelog offsets it reaches. */
  checkpointRestored(offsets: ReadonlyMap<string, bigint>): Promise<void> {
    return this.stateStores.checkpointRestored(offsets);
  }

  /** Next offsets to commit per input partition, with partition time (for commit metadata). */
  committableOffsets(): Map<string, { topic: string; partition: number; offset: bigint; partitionTime: number }> {
    const out = new Map<string, { topic: string; partition: number; offset: bigint; partitionTime: number }>();
    for (const q of this.partitionGroup.queues) {
      if (q.lastOffset >= 0n) out.set(topicPartitionKey(q.topic, q.partition), { topic: q.topic, partition: q.partition, offset: q.lastOffset + 1n, partitionTime: q.partitionTime });
    }
    return out;
  }

  /** A global store by name, or null. */
  globalStore(name: string): StateStore | null {
    return this.options.globalStores?.globalStore(name) ?? null;
  }

  /** A store of this task (for processors, the test driver and interactive queries). */
  store(name: string): StateStore {
    return this.stateStores.get(name);
  }

  storeNames(): string[] {
    return [...this.stateStores.stores.keys()];
  }

  // StateStoreContext

  taskDb(): Promise<TaskDb> {
    return this.stateStores.taskDb();
  }

  changelogTopic(storeName: string): string {
    return this.stateStores.changelogTopic(storeName);
  }

  logChange(topic: string, key: Buffer, value: Buffer | null, timestamp: number, headers: Headers, valueOffset = 0): void {
    this.stateStores.noteChangelogWrite();
    this.collector.send(topic, key, value, headers, timestamp, this.taskId.partition, valueOffset);
  }

  recordContext(): RecordContext {
    return this.currentContext;
  }

  withRecordContext(context: RecordContext, fn: () => void): void {
    const previous = this.currentContext;
    this.currentContext = context;
    try {
      fn();
    } finally {
      this.currentContext = previous;
    }
  }

  register(store: StateStore, restore: RestoreCallback | null): void {
    this.stateStores.register(store, restore);
  }

  /** Closes processors and stores; a clean close flushes and checkpoints first. */
  async close(clean: boolean): Promise<void> {
    for (const node of this.processors) node.processor.close?.();
    if (clean) {
      await this.prepareCommit();
      await this.collector.flush();
      await this.postCommit(true);
    }
    this.partitionGroup.clear();
    await this.stateStores.close();
  }
}
