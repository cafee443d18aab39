// The group consumer of a stream thread, on kafkajs's run loop (DESIGN.md "The loop never
// starves heartbeats"): `eachBatch` only hands records to `onBatch` and returns, so kafkajs
// keeps fetching and heartbeating; processing happens elsewhere in short slices.
import type { Batch, Consumer, ConsumerCrashEvent, ConsumerGroupJoinEvent, ConsumerStartBatchProcessEvent, IHeaders, Kafka } from 'kafkajs';
import { EMPTY_HEADERS, Headers } from '../../processor/headers.js';
import type { StreamsError } from '../../errors/streams-error.js';
import type { ConsumedBytes } from '../task/consumed-record.js';
import type { AssignmentChange, CommittedOffset, ConsumerBatch, EngineConsumer, HeartbeatResult, TopicPartition } from './engine.js';
import { KafkaAdmin } from './kafka-admin.js';
import { retryOf, type KafkaClientOptions } from './kafka-client.js';
import { errorType, RebalanceInProgressError, toStreamsError } from './kafka-errors.js';
import {
  createCluster,
  createConsumerOnCluster,
  ISOLATION_READ_COMMITTED,
  transformFetchResponses,
  type InternalCluster,
  type InternalFetchResponse,
} from './kafkajs-internals.js';
import { refreshUntilLeadersKnown } from './leader-metadata.js';
import { hideAbortedMessages, type KafkajsFetchedMessage } from './read-committed.js';
import { createStreamsAssignor, type StreamsAssignorOptions } from './streams-assignor.js';
import { fromAssignment, parseTopicPartitionKey, partitionsByTopic, topicPartitionKey } from './topic-partitions.js';

/** Settings and callbacks of the group consumer. */
export interface KafkaConsumerOptions {
  readonly groupId: string;
  /** Topics (names or patterns, resolved at `start()`) read from the earliest offset when the group has no commit. */
  readonly topics: readonly (string | RegExp)[];
  /** Topics read from the latest offset when the group has no commit. */
  readonly latestTopics?: readonly (string | RegExp)[];
  /** The streams assignor's inputs; without it kafkajs's round-robin assignor is used. */
  readonly assignor?: StreamsAssignorOptions;
  /** Session timeout in ms (45000, Java's default). */
  readonly sessionTimeoutMs?: number;
  /** How long the group waits for members to rejoin, in ms (60000). */
  readonly rebalanceTimeoutMs?: number;
  /** Minimum gap between heartbeats in ms (3000). */
  readonly heartbeatIntervalMs?: number;
  /** Fetch long-poll in ms (100): a `resume()` takes effect at the next fetch, so keep it short. */
  readonly maxWaitTimeMs?: number;
  /** Bytes per partition per fetch (1 MiB). */
  readonly maxBytesPerPartition?: number;
  /** Bytes per fetch (10 MiB). */
  readonly maxBytes?: number;
  /** Receives fetched records; must only enqueue (it runs inside kafkajs's fetch loop). */
  readonly onBatch: (batch: ConsumerBatch) => void;
  /** Called synchronously after every join, before the new generation's first fetch (a `pause()` here is in time). */
  readonly onAssignment?: (change: AssignmentChange) => void;
  /** The group is rebalancing: a rejoin follows (not reported for every kind of rejoin, see KAFKAJS-NOTES §2). */
  readonly onRebalancing?: () => void;
  /** kafkajs's run loop crashed; `restarting` tells whether it starts again (see `restartOnFailure`). */
  readonly onCrash?: (error: StreamsError, restarting: boolean) => void;
  /** Whether to restart after a retriable crash (default: no; the runtime decides what to do). */
  readonly restartOnFailure?: (error: StreamsError) => boolean | Promise<boolean>;
}

const REBALANCING = new Set(['REBALANCE_IN_PROGRESS', 'NOT_COORDINATOR_FOR_GROUP', 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID']);

/** kafkajs between a crash and its restart: the consumer has no group. */
function isRestarting(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('Consumer group was not initialized');
}

/** True when a consumer error means "the group moved on": revoke now and wait for the next join. */
export function isRebalanceError(error: unknown): boolean {
  return REBALANCING.has(errorType(error) ?? '');
}

/**
 * The application's group consumer: subscribe, join with the streams assignor, hand
 * batches to `onBatch`; pause/resume/seek; explicit offset commits with metadata (the
 * partition time, as Java's `TopicPartitionMetadata`). `autoCommit` is off: a `seek` would
 * otherwise commit outside any transaction. After every join kafkajs restarts positions
 * from the committed offsets, so the runtime re-seeks partitions it keeps.
 */
export class KafkaConsumer implements EngineConsumer {
  private readonly consumer: Consumer;
  private readonly cluster: InternalCluster;
  private current: TopicPartition[] = [];
  private heartbeatFn: (() => Promise<void>) | null = null;
  private joined = false;
  private lastCrash: unknown = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly clientOptions: KafkaClientOptions,
    private readonly options: KafkaConsumerOptions,
  ) {
    // Its own Cluster (read_committed, no auto topic creation), so its fetches can be
    // filtered with Java's aborted-transaction rules instead of kafkajs's leaky ones.
    const cluster = createCluster(kafka, { isolationLevel: ISOLATION_READ_COMMITTED });
    this.cluster = cluster;
    transformFetchResponses(cluster, hideAbortedRecords);
    this.consumer = createConsumerOnCluster(kafka, cluster, {
      groupId: options.groupId,
      ...(options.assignor ? { partitionAssigners: [createStreamsAssignor(options.assignor)] } : {}),
      sessionTimeout: options.sessionTimeoutMs ?? 45_000,
      rebalanceTimeout: options.rebalanceTimeoutMs ?? 60_000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 3_000,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 100,
      maxBytesPerPartition: options.maxBytesPerPartition ?? 1024 * 1024,
      maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
      retry: { ...retryOf(clientOptions), restartOnFailure: (e: Error) => this.shouldRestart(e) },
    });
    this.listen();
  }

  get assignment(): readonly TopicPartition[] {
    return this.current;
  }

  async start(): Promise<void> {
    try {
      await this.consumer.connect();
      await this.subscribe(this.options.topics, true);
      await this.subscribe(this.options.latestTopics ?? [], false);
      await this.consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: true,
        partitionsConsumedConcurrently: 1,
        eachBatch: async ({ batch, heartbeat, isStale }) => {
          this.heartbeatFn = heartbeat;
          if (!isStale()) this.options.onBatch(toConsumerBatch(batch));
        },
      });
    } catch (e) {
      throw toStreamsError(e, `start consumer of group '${this.options.groupId}'`, this.clientOptions.brokers);
    }
    // kafkajs reports a failed first join through its crash handler, not by rejecting run().
    if (!this.joined && this.lastCrash) throw toStreamsError(this.lastCrash, 'join group', this.clientOptions.brokers);
  }

  // While kafkajs restarts its run loop after a crash it has no consumer group, and pause,
  // resume, seek and commit throw. The restart ends in a join whose assignment callback
  // pauses and seeks again, so these are skipped; a commit is refused as during a rebalance.
  pause(partitions: readonly TopicPartition[]): void {
    if (partitions.length > 0) this.unlessRestarting(() => this.consumer.pause(toTopicPartitions(partitions)));
  }

  resume(partitions: readonly TopicPartition[]): void {
    if (partitions.length > 0) this.unlessRestarting(() => this.consumer.resume(toTopicPartitions(partitions)));
  }

  seek(partition: TopicPartition, offset: bigint): void {
    this.unlessRestarting(() => this.consumer.seek({ topic: partition.topic, partition: partition.partition, offset: offset.toString() }));
  }

  private unlessRestarting(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (!isRestarting(e)) throw e;
    }
  }

  async commitOffsets(offsets: ReadonlyMap<string, CommittedOffset>): Promise<void> {
    if (offsets.size === 0) return;
    const list = [...offsets].map(([key, { offset, metadata }]) => ({ ...parseTopicPartitionKey(key), offset: offset.toString(), metadata }));
    try {
      await this.consumer.commitOffsets(list);
    } catch (e) {
      if (isRebalanceError(e) || isRestarting(e)) throw new RebalanceInProgressError(`Offset commit of group '${this.options.groupId}' refused: the group is rebalancing (${errorType(e)}).`, { cause: e });
      throw toStreamsError(e, `commit offsets of group '${this.options.groupId}'`, this.clientOptions.brokers);
    }
  }

  async heartbeat(): Promise<HeartbeatResult> {
    const fn = this.heartbeatFn;
    if (!fn) return 'not-running';
    try {
      await fn();
      return 'ok';
    } catch (e) {
      if (isRebalanceError(e)) return 'rebalancing';
      throw toStreamsError(e, 'heartbeat', this.clientOptions.brokers);
    }
  }

  async close(): Promise<void> {
    this.heartbeatFn = null;
    await this.consumer.disconnect();
  }

  private async subscribe(topics: readonly (string | RegExp)[], fromBeginning: boolean): Promise<void> {
    if (topics.length === 0) return;
    try {
      await this.consumer.subscribe({ topics: [...topics], fromBeginning });
    } catch (e) {
      if (errorType(e) !== 'UNKNOWN_TOPIC_OR_PARTITION') throw e;
      // Name the missing topics precisely (throws MissingSourceTopicError).
      const admin = new KafkaAdmin(this.kafka, this.clientOptions);
      try {
        await admin.partitionCounts(topics.filter((t): t is string => typeof t === 'string'));
      } finally {
        await admin.close();
      }
      throw e;
    }
  }

  private listen(): void {
    const { events } = this.consumer;
    this.consumer.on(events.GROUP_JOIN, (e: ConsumerGroupJoinEvent) => this.onJoin(e));
    this.consumer.on(events.REBALANCING, () => this.options.onRebalancing?.());
    this.consumer.on(events.CRASH, (e: ConsumerCrashEvent) => {
      this.heartbeatFn = null;
      this.lastCrash = e.payload.error;
      this.options.onCrash?.(toStreamsError(e.payload.error, 'consume', this.clientOptions.brokers), e.payload.restart);
    });
    this.consumer.on(events.STOP, () => (this.heartbeatFn = null));
    // Batches of only control or aborted records never reach eachBatch; their position still counts.
    this.consumer.on(events.START_BATCH_PROCESS, (e: ConsumerStartBatchProcessEvent) => {
      const { topic, partition, batchSize, lastOffset, highWatermark } = e.payload;
      if (batchSize === 0) this.options.onBatch({ topic, partition, records: [], nextOffset: BigInt(lastOffset) + 1n, highWatermark: BigInt(highWatermark) });
    });
  }

  private onJoin(e: ConsumerGroupJoinEvent): void {
    this.joined = true;
    const next = fromAssignment(e.payload.memberAssignment);
    const before = new Set(this.current.map((tp) => topicPartitionKey(tp.topic, tp.partition)));
    const after = new Set(next.map((tp) => topicPartitionKey(tp.topic, tp.partition)));
    const change: AssignmentChange = {
      memberId: e.payload.memberId,
      isLeader: e.payload.isLeader,
      assignment: next,
      assigned: next.filter((tp) => !before.has(topicPartitionKey(tp.topic, tp.partition))),
      revoked: this.current.filter((tp) => !after.has(topicPartitionKey(tp.topic, tp.partition))),
    };
    this.current = next;
    this.options.onAssignment?.(change);
    void refreshUntilLeadersKnown(this.cluster, next, () => this.current === next);
  }

  private async shouldRestart(error: Error): Promise<boolean> {
    const decide = this.options.restartOnFailure;
    return decide ? decide(toStreamsError(error, 'consume', this.clientOptions.brokers)) : false;
  }
}

/** Hides aborted records ourselves, then leaves kafkajs's own filter nothing to do. */
function hideAbortedRecords(response: InternalFetchResponse): void {
  for (const { partitions } of response.responses) {
    for (const p of partitions) {
      if (p.abortedTransactions?.length) hideAbortedMessages(p.messages as KafkajsFetchedMessage[], p.abortedTransactions);
      p.abortedTransactions = [];
    }
  }
}

function toTopicPartitions(partitions: readonly TopicPartition[]): Array<{ topic: string; partitions: number[] }> {
  return [...partitionsByTopic(partitions)].map(([topic, ps]) => ({ topic, partitions: ps }));
}

function toConsumerBatch(batch: Batch): ConsumerBatch {
  const { topic, partition } = batch;
  const records: ConsumedBytes[] = batch.messages.map((m) => ({
    topic,
    partition,
    offset: BigInt(m.offset),
    timestamp: Number(m.timestamp),
    key: m.key ?? null,
    value: m.value ?? null,
    headers: toHeaders(m.headers),
  }));
  return { topic, partition, records, nextOffset: BigInt(batch.lastOffset()) + 1n, highWatermark: BigInt(batch.highWatermark) };
}

/** kafkajs header objects to ordered headers (a repeated key's values stay in order). */
function toHeaders(headers: IHeaders | undefined): Headers {
  if (!headers) return EMPTY_HEADERS;
  const keys = Object.keys(headers);
  if (keys.length === 0) return EMPTY_HEADERS;
  const out = new Headers();
  for (const key of keys) {
    const value = headers[key];
    for (const v of Array.isArray(value) ? value : [value]) out.add(key, v === undefined ? null : v);
  }
  return out;
}
