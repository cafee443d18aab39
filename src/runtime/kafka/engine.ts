// The engine interface: what the Kafka runtime needs from a Kafka client, with offsets as
// bigint and no client types. kafkajs implements it in this folder (kafkajs-engine.ts);
// another client (e.g. one with KIP-447 fencing) can implement it without touching tasks.
import type { Headers } from '../../processor/headers.js';
import type { ConsumedBytes } from '../task/consumed-record.js';
// Option types only (no kafkajs at runtime): the kafkajs engine's options double as the engine's.
import type { KafkaConsumerOptions } from './kafka-consumer.js';
import type { KafkaProducerOptions } from './kafka-producer.js';
import type { TransactionalProducerOptions } from './transactional-producer.js';

/** One partition of one topic. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** A topic to create. */
export interface NewTopic {
  readonly name: string;
  readonly numPartitions: number;
  /** -1 (default): the broker's `default.replication.factor`. */
  readonly replicationFactor?: number;
  /** Topic configs, e.g. `{ 'cleanup.policy': 'compact' }`. */
  readonly configs?: Readonly<Record<string, string>>;
}

/** A committed consumer-group offset: the next offset to read, and the commit's metadata string. */
export interface CommittedOffset {
  readonly offset: bigint;
  readonly metadata: string | null;
}

/** One member as the group coordinator describes it (assignments are filled only when `Stable`). */
export interface GroupMemberDescription {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  readonly assignment: Readonly<Record<string, readonly number[]>>;
  readonly assignmentUserData: Buffer | null;
  readonly subscriptionUserData: Buffer | null;
}

/** A consumer group as the coordinator describes it. */
export interface GroupDescription {
  readonly groupId: string;
  /** `'Stable'`, `'PreparingRebalance'`, `'CompletingRebalance'`, `'Empty'`, `'Dead'`. */
  readonly state: string;
  readonly protocol: string;
  readonly members: readonly GroupMemberDescription[];
}

/** Topic administration for internal topics, offsets and purging. */
export interface EngineAdmin {
  /** Creates the topics that do not exist yet; returns the names it created. */
  createTopics(topics: readonly NewTopic[]): Promise<string[]>;
  /** Partition count per topic; throws `MissingSourceTopicError` naming every missing one. */
  partitionCounts(topics: readonly string[]): Promise<Map<string, number>>;
  /** Names of all topics (for pattern subscriptions). */
  listTopics(): Promise<string[]>;
  /** Committed offsets of a group, keyed by `topicPartitionKey`; partitions without a commit are absent. */
  committedOffsets(groupId: string, topics: readonly string[]): Promise<Map<string, CommittedOffset>>;
  /** Read-committed end offsets (the LSO) per `topicPartitionKey`. */
  endOffsets(topics: readonly string[]): Promise<Map<string, bigint>>;
  /** Log start offsets per `topicPartitionKey`. */
  beginningOffsets(topics: readonly string[]): Promise<Map<string, bigint>>;
  /** Per `topicPartitionKey`, the first offset whose record's timestamp is at or after `timestamp` (the end when none is). */
  offsetsForTimes(topics: readonly string[], timestamp: number): Promise<Map<string, bigint>>;
  /** Deletes records before the given offset of each partition (`partition -> offset`). */
  deleteRecords(topic: string, offsets: ReadonlyMap<number, bigint>): Promise<void>;
  describeGroup(groupId: string): Promise<GroupDescription>;
  close(): Promise<void>;
}

/** One record to produce. `partition` null: murmur2 of the key bytes (Java's default), round robin without key. */
export interface ProducerRecord {
  readonly topic: string;
  readonly partition: number | null;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Headers;
  readonly timestamp: number;
}

/** A run of consecutive offsets the broker assigned to records sent together. */
export interface AckedRange {
  readonly baseOffset: bigint;
  readonly count: number;
}

/**
 * What one `flush()` wrote to one partition. The i-th record sent to this partition (in
 * `send` order) has the offset at position i across `ranges`; `lastOffset` is the last one.
 */
export interface PartitionAck extends TopicPartition {
  readonly ranges: readonly AckedRange[];
  readonly lastOffset: bigint;
}

/** Acknowledgements of one flush, keyed by `topicPartitionKey`. */
export type FlushResult = ReadonlyMap<string, PartitionAck>;

/** A batching producer: `send` only buffers, `flush` writes everything buffered. */
export interface EngineProducer {
  /** Buffers a record (partitioned at once when the topic's partition count is known). */
  send(record: ProducerRecord): void;
  /** Records buffered and not yet flushed. */
  readonly buffered: number;
  /** Partition count of a topic loaded by `loadTopics` or an earlier flush; throws when unknown. */
  partitionsFor(topic: string): number;
  /** Loads partition counts, so `partitionsFor` answers synchronously. */
  loadTopics(topics: readonly string[]): Promise<void>;
  /** Sends everything buffered; resolves with the offsets the broker assigned. Flushes run one at a time. */
  flush(): Promise<FlushResult>;
  close(): Promise<void>;
}

/** A per-task transactional producer (exactly-once with one producer per task). */
export interface EngineTransactionalProducer extends EngineProducer {
  readonly transactionalId: string;
  /** Connects and fences older producers with the same id (InitProducerId). */
  init(): Promise<void>;
  beginTransaction(): Promise<void>;
  /** Adds consumed offsets (next offset to read, with metadata) to the open transaction. */
  sendOffsets(groupId: string, offsets: ReadonlyMap<string, CommittedOffset>): Promise<void>;
  /** Flushes, then commits. */
  commitTransaction(): Promise<FlushResult>;
  /** Drops buffered records and aborts. */
  abortTransaction(): Promise<void>;
  readonly inTransaction: boolean;
}

/** Records fetched for one partition by the group consumer. */
export interface ConsumerBatch extends TopicPartition {
  readonly records: readonly ConsumedBytes[];
  /** The consumer's position after this batch (past control and aborted records too). */
  readonly nextOffset: bigint;
  readonly highWatermark: bigint;
}

/** A completed group join: the new assignment and what changed since the previous one. */
export interface AssignmentChange {
  readonly memberId: string;
  readonly isLeader: boolean;
  readonly assignment: readonly TopicPartition[];
  readonly assigned: readonly TopicPartition[];
  readonly revoked: readonly TopicPartition[];
}

/** Result of a heartbeat sent from long work outside the fetch loop. */
export type HeartbeatResult = 'ok' | 'rebalancing' | 'not-running';

/** The group consumer. Positions restart from committed offsets after every join: re-seek kept partitions. */
export interface EngineConsumer {
  /** Joins the group and starts fetching; batches go to the `onBatch` callback. */
  start(): Promise<void>;
  pause(partitions: readonly TopicPartition[]): void;
  resume(partitions: readonly TopicPartition[]): void;
  seek(partition: TopicPartition, offset: bigint): void;
  /**
   * Commits offsets (next offset to read + metadata) for the current generation; rejects with
   * `RebalanceInProgressError` when the group is rebalancing or has moved on.
   */
  commitOffsets(offsets: ReadonlyMap<string, CommittedOffset>): Promise<void>;
  /** Sends a heartbeat now if due (long work outside `onBatch` must call this). */
  heartbeat(): Promise<HeartbeatResult>;
  readonly assignment: readonly TopicPartition[];
  /** Leaves the group and disconnects. */
  close(): Promise<void>;
}

/** What one `PartitionReader.fetch` returned, keyed by `topicPartitionKey`. */
export interface ReaderFetch {
  /** Committed records (read_committed), control records dropped; only partitions with records. */
  readonly records: ReadonlyMap<string, readonly ConsumedBytes[]>;
  /** Next offset to read of every assigned partition that answered. */
  readonly positions: ReadonlyMap<string, bigint>;
  /** Last stable offset (read-committed end) of every partition that answered. */
  readonly lastStableOffsets: ReadonlyMap<string, bigint>;
}

/** Reads chosen partitions from chosen offsets outside any consumer group. */
export interface EnginePartitionReader {
  /** Replaces the assignment: `topicPartitionKey -> start offset` (`EARLIEST_OFFSET` for the log start). */
  assign(offsets: ReadonlyMap<string, bigint>): Promise<void>;
  /** Moves one assigned partition. */
  seek(partition: TopicPartition, offset: bigint): void;
  /** The next offset to read, or undefined when not assigned. */
  position(partition: TopicPartition): bigint | undefined;
  /** One fetch round over all assigned partitions, waiting at most `maxWaitMs` for data. */
  fetch(maxWaitMs: number): Promise<ReaderFetch>;
  close(): Promise<void>;
}

/** Start offset meaning "the log start offset" in `EnginePartitionReader.assign`. */
export const EARLIEST_OFFSET = -2n;

/** Options of `KafkaEngine.consumer` (the kafkajs engine's `KafkaConsumerOptions`). */
export type EngineConsumerOptions = KafkaConsumerOptions;
/** Options of `KafkaEngine.producer`. */
export type EngineProducerOptions = KafkaProducerOptions;
/** Options of `KafkaEngine.transactionalProducer`. */
export type EngineTransactionalProducerOptions = TransactionalProducerOptions;
/** Options of `KafkaEngine.partitionReader`. */
export interface EnginePartitionReaderOptions {
  readonly partitionMaxBytes?: number;
  readonly maxBytes?: number;
}

/** Creates the Kafka clients of one application instance (all sharing connection settings). */
export interface KafkaEngine {
  admin(): EngineAdmin;
  producer(options?: EngineProducerOptions): EngineProducer;
  transactionalProducer(options: EngineTransactionalProducerOptions): EngineTransactionalProducer;
  consumer(options: EngineConsumerOptions): EngineConsumer;
  partitionReader(options?: EnginePartitionReaderOptions): EnginePartitionReader;
}
