// Exactly-once with kafkajs: one transactional producer per task, `transactionalId =
// <applicationId>-<taskId>` (DESIGN.md "Exactly-once"). A new owner of the task calls
// InitProducerId with the same id, which bumps the epoch and fences the previous owner.
import { CompressionTypes, type Kafka, type Producer, type Transaction } from 'kafkajs';
import type { TaskId } from '../../processor/task-id.js';
import { retryCoordinatorRequests } from './coordinator-retry.js';
import type { CommittedOffset, EngineTransactionalProducer, FlushResult, ProducerRecord } from './engine.js';
import { retryOf, type KafkaClientOptions } from './kafka-client.js';
import { errorType, ProducerFencedError, toStreamsError } from './kafka-errors.js';
import { loadPartitionCounts, type KafkaProducerOptions } from './kafka-producer.js';
import { createCluster, createProducerOnCluster, type InternalCluster } from './kafkajs-internals.js';
import { DEFAULT_MAX_BATCH_BYTES, RecordBatcher } from './record-batcher.js';
import { parseTopicPartitionKey, partitionsByTopic } from './topic-partitions.js';

/** Settings of a per-task transactional producer. */
export interface TransactionalProducerOptions extends KafkaProducerOptions {
  readonly transactionalId: string;
  /**
   * Transaction timeout in ms (10000): how long a hung owner can hold back read_committed
   * readers before the coordinator aborts its transaction (kafkajs's default is 60000).
   */
  readonly transactionTimeoutMs?: number;
}

/** Errors meaning a newer producer with our transactional id exists (PRODUCER_FENCED is EndTxn v2+; kafkajs uses v1). */
const FENCED = new Set(['INVALID_PRODUCER_EPOCH', 'PRODUCER_FENCED', 'INVALID_PRODUCER_ID_MAPPING', 'TRANSACTION_COORDINATOR_FENCED']);

/** The transactional id of a task: `<applicationId>-<taskId>`. */
export function taskTransactionalId(applicationId: string, taskId: TaskId | string): string {
  return `${applicationId}-${String(taskId)}`;
}

/**
 * A transactional producer for one task. Order: `init()` (fences older owners), then per
 * commit interval `beginTransaction()`, `send`..., `sendOffsets(...)`, `commitTransaction()`.
 * EndTxn, AddOffsetsToTxn and TxnOffsetCommit are retried on coordinator errors
 * (coordinator-retry.ts). If a commit or abort still fails, the kafkajs producer is
 * unusable: it is replaced at the next `beginTransaction()` (its InitProducerId completes
 * or aborts the open transaction); a commit's outcome is then unknown to the caller, which
 * must treat its task as corrupted (seek back to committed offsets, restore).
 */
export class TransactionalProducer implements EngineTransactionalProducer {
  readonly transactionalId: string;
  private cluster!: InternalCluster;
  private producer!: Producer;
  private transaction: Transaction | null = null;
  private readonly batcher: RecordBatcher;
  private initialized = false;
  private broken = false;
  /** Closed for good: never fences again (a late commit of a closed task must not re-init the id). */
  private closed = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly clientOptions: KafkaClientOptions,
    private readonly options: TransactionalProducerOptions,
  ) {
    this.transactionalId = options.transactionalId;
    this.batcher = new RecordBatcher(options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES);
    this.build();
  }

  get buffered(): number {
    return this.batcher.buffered;
  }

  get inTransaction(): boolean {
    return this.transaction !== null;
  }

  send(record: ProducerRecord): void {
    this.batcher.add(record);
  }

  partitionsFor(topic: string): number {
    const n = this.batcher.partitionCount(topic);
    if (n === undefined) throw new Error(`Partition count of topic '${topic}' is not loaded: call loadTopics(['${topic}']) first.`);
    return n;
  }

  loadTopics(topics: readonly string[]): Promise<void> {
    return this.guard('load topic metadata', async () => {
      this.batcher.setPartitionCounts(await loadPartitionCounts(this.cluster, topics));
    });
  }

  /** Connects and fences: the first `transaction()` sends InitProducerId; aborting it sends nothing more. */
  init(): Promise<void> {
    return this.guard('init transactions', async () => {
      this.assertOpen();
      await this.producer.connect();
      await (await this.producer.transaction()).abort();
      this.initialized = true;
      this.broken = false;
    });
  }

  beginTransaction(): Promise<void> {
    return this.guard('begin transaction', async () => {
      this.assertOpen();
      if (this.transaction) throw new Error(`Transaction of '${this.transactionalId}' is already open.`);
      if (this.broken) await this.replace();
      if (!this.initialized) throw new Error(`Call init() on producer '${this.transactionalId}' before beginTransaction().`);
      this.transaction = await this.producer.transaction();
    });
  }

  flush(): Promise<FlushResult> {
    return this.guard('produce', () => {
      const txn = this.open('flush');
      const compression = this.options.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
      return this.batcher.flush(
        (topicMessages) => txn.sendBatch({ topicMessages, acks: -1, timeout: this.options.timeoutMs, compression }),
        (topics) => loadPartitionCounts(this.cluster, topics),
      );
    });
  }

  sendOffsets(groupId: string, offsets: ReadonlyMap<string, CommittedOffset>): Promise<void> {
    return this.guard('send offsets to transaction', async () => {
      const txn = this.open('sendOffsets');
      const entries = [...offsets].map(([key, value]) => ({ ...parseTopicPartitionKey(key), ...value }));
      const topics = [...partitionsByTopic(entries)].map(([topic, partitions]) => ({
        topic,
        partitions: partitions.map((partition) => {
          const e = entries.find((x) => x.topic === topic && x.partition === partition)!;
          return { partition, offset: e.offset.toString(), metadata: e.metadata };
        }),
      }));
      await txn.sendOffsets({ consumerGroupId: groupId, topics });
    });
  }

  commitTransaction(): Promise<FlushResult> {
    return this.guard('commit transaction', async () => {
      const txn = this.open('commitTransaction');
      const result = await this.flush();
      try {
        await txn.commit();
      } catch (e) {
        this.broken = true;
        throw e;
      } finally {
        this.transaction = null;
      }
      return result;
    });
  }

  abortTransaction(): Promise<void> {
    return this.guard('abort transaction', async () => {
      this.batcher.clear();
      const txn = this.transaction;
      this.transaction = null;
      if (!txn || !txn.isActive()) return;
      try {
        await txn.abort();
      } catch (e) {
        // The replacement's InitProducerId aborts the open transaction on the coordinator.
        this.broken = true;
        if (FENCED.has(errorType(e) ?? '')) throw e;
      }
    });
  }

  /** Aborts an open transaction (best effort, so read_committed readers need not wait for its timeout), then disconnects. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.transaction?.isActive()) await this.abortTransaction().catch(() => undefined);
    this.transaction = null;
    this.batcher.clear();
    await this.producer.disconnect();
  }

  private build(): void {
    // maxInFlightRequests 1 keeps produce order with retries; transaction calls retry on coordinator errors.
    this.cluster = createCluster(this.kafka, { maxInFlightRequests: 1 });
    retryCoordinatorRequests(this.cluster, retryOf(this.clientOptions));
    this.producer = createProducerOnCluster(this.kafka, this.cluster, {
      idempotent: true,
      transactionalId: this.transactionalId,
      transactionTimeout: this.options.transactionTimeoutMs ?? 10_000,
      retry: retryOf(this.clientOptions),
    });
  }

  private async replace(): Promise<void> {
    this.assertOpen();
    await this.producer.disconnect().catch(() => undefined);
    this.initialized = false;
    this.build();
    await this.producer.connect();
    await (await this.producer.transaction()).abort();
    this.initialized = true;
    this.broken = false;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`Producer '${this.transactionalId}' is closed: a closed task's producer cannot start transactions again.`);
  }

  private open(what: string): Transaction {
    if (!this.transaction) throw new Error(`${what}: no open transaction on producer '${this.transactionalId}' (call beginTransaction()).`);
    return this.transaction;
  }

  /** Runs `fn`, turning fencing into `ProducerFencedError` and other kafkajs errors into StreamsErrors. */
  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ProducerFencedError) throw e;
      if (FENCED.has(errorType(e) ?? '')) {
        this.broken = true;
        throw new ProducerFencedError(this.transactionalId, { cause: e });
      }
      throw toStreamsError(e, `${what} (${this.transactionalId})`, this.clientOptions.brokers);
    }
  }
}
