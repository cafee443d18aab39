import { CompressionTypes, type Kafka, type Producer } from 'kafkajs';
import type { EngineProducer, FlushResult, ProducerRecord } from './engine.js';
import { retryOf, type KafkaClientOptions } from './kafka-client.js';
import { KafkaClientError, errorType, toStreamsError } from './kafka-errors.js';
import { createCluster, createProducerOnCluster, type InternalCluster } from './kafkajs-internals.js';
import { DEFAULT_MAX_BATCH_BYTES, RecordBatcher, type SendBatch } from './record-batcher.js';

/** Settings of a batching producer. */
export interface KafkaProducerOptions {
  /** Upper bound of one partition's records per Produce request (900 KiB, under `message.max.bytes`). */
  readonly maxBatchBytes?: number;
  /** `'none'` (default) or `'gzip'` (kafkajs ships only gzip; others need a registered codec). */
  readonly compression?: 'none' | 'gzip';
  /** Produce request timeout in ms (30000). */
  readonly timeoutMs?: number;
}

/**
 * The producer behind a task's record collector under at-least-once: `send` buffers per
 * partition, `flush` writes everything with `sendBatch` (kafkajs has no linger) and returns
 * the offsets the broker assigned. Idempotent (acks=all, sequence numbers), so retries
 * inside kafkajs never duplicate a record. Partitions are chosen here, with Java's murmur2
 * of the key bytes, so each record's partition is known before the send. A failed flush
 * loses what it was sending: the caller treats its tasks as corrupted and replaces the producer.
 */
export class KafkaProducer implements EngineProducer {
  protected readonly cluster: InternalCluster;
  protected readonly producer: Producer;
  protected readonly batcher: RecordBatcher;
  private connected: Promise<void> | null = null;
  private flushing: Promise<unknown> = Promise.resolve();

  constructor(
    kafka: Kafka,
    protected readonly clientOptions: KafkaClientOptions,
    protected readonly options: KafkaProducerOptions = {},
  ) {
    this.cluster = createCluster(kafka);
    this.producer = createProducerOnCluster(kafka, this.cluster, { idempotent: true, retry: retryOf(clientOptions) });
    this.batcher = new RecordBatcher(options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES);
  }

  get buffered(): number {
    return this.batcher.buffered;
  }

  send(record: ProducerRecord): void {
    this.batcher.add(record);
  }

  partitionsFor(topic: string): number {
    const n = this.batcher.partitionCount(topic);
    if (n === undefined) throw new Error(`Partition count of topic '${topic}' is not loaded: call loadTopics(['${topic}']) first.`);
    return n;
  }

  async loadTopics(topics: readonly string[]): Promise<void> {
    try {
      await this.connect();
      this.batcher.setPartitionCounts(await this.loadPartitionCounts(topics));
    } catch (e) {
      throw toStreamsError(e, 'load topic metadata', this.clientOptions.brokers);
    }
  }

  /** Sends everything buffered; flushes run one after another, so per-partition order holds. */
  flush(): Promise<FlushResult> {
    const run = this.flushing.then(async () => {
      try {
        await this.connect();
        return await this.batcher.flush(this.sendBatch(), (topics) => this.loadPartitionCounts(topics));
      } catch (e) {
        throw toStreamsError(e, 'produce', this.clientOptions.brokers);
      }
    });
    this.flushing = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.flushing;
    if (this.connected) await this.producer.disconnect();
    this.connected = null;
  }

  protected connect(): Promise<void> {
    this.connected ??= this.producer.connect().catch((e: unknown) => {
      this.connected = null;
      throw e;
    });
    return this.connected;
  }

  protected sendBatch(): SendBatch {
    return (topicMessages) =>
      this.producer.sendBatch({ topicMessages, acks: -1, timeout: this.options.timeoutMs, compression: this.compression() });
  }

  protected compression(): CompressionTypes {
    return this.options.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
  }

  protected loadPartitionCounts(topics: readonly string[]): Promise<Map<string, number>> {
    return loadPartitionCounts(this.cluster, topics);
  }
}

/** Partition counts from a producer's own Cluster metadata; a missing topic is a clear error. */
export async function loadPartitionCounts(cluster: InternalCluster, topics: readonly string[]): Promise<Map<string, number>> {
  try {
    await cluster.addMultipleTargetTopics([...topics]);
  } catch (e) {
    if (errorType(e) === 'UNKNOWN_TOPIC_OR_PARTITION') {
      throw new KafkaClientError(
        `Cannot produce to topic(s) ${topics.join(', ')}: at least one does not exist (auto topic creation is off).`,
        'UNKNOWN_TOPIC_OR_PARTITION',
        false,
        { cause: e },
      );
    }
    throw e;
  }
  return new Map(topics.map((t) => [t, cluster.findTopicPartitionMetadata(t).length]));
}
