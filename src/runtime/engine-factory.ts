// Wires the kafkajs implementation of the engine interface for one KafkaStreams instance.
import type { ResolvedStreamsConfig } from './streams-config.js';
import type { AssignmentChange, ConsumerBatch, EngineAdmin, EngineConsumer, EnginePartitionReader, EngineProducer } from './kafka/engine.js';
import { createKafkaClient, kafkaClientOptions, KAFKA_CLIENT_CONFIG_KEYS } from './kafka/kafka-client.js';
import { KafkaAdmin } from './kafka/kafka-admin.js';
import { KafkaProducer } from './kafka/kafka-producer.js';
import { KafkaConsumer } from './kafka/kafka-consumer.js';
import { PartitionReader } from './kafka/partition-reader.js';

/** Config keys the kafkajs engine adds to the common ones (connection options). */
export const ENGINE_CONFIG_KEYS: readonly string[] = [...KAFKA_CLIENT_CONFIG_KEYS, 'sessionTimeoutMs', 'heartbeatIntervalMs', 'rebalanceTimeoutMs'];

/** What the stream thread's consumer needs. */
export interface ThreadConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly (string | RegExp)[];
  readonly sourceTopicsBySubtopology: ReadonlyMap<number, readonly string[]>;
  readonly ownedTasks: () => readonly string[];
  readonly onBatch: (batch: ConsumerBatch) => void;
  readonly onAssignment: (change: AssignmentChange) => void;
  readonly onRebalancing: () => void;
}

/** The clients of one instance. */
export interface Engine {
  readonly admin: EngineAdmin;
  readonly producer: EngineProducer;
  newReader(): EnginePartitionReader;
  newConsumer(options: ThreadConsumerOptions): EngineConsumer;
  close(): Promise<void>;
}

/** Connects the admin client (failing fast, with bounded retries, when the cluster is unreachable). */
export async function connectEngine(config: ResolvedStreamsConfig): Promise<Engine> {
  const options = kafkaClientOptions(config);
  const kafka = createKafkaClient(options);
  const admin = new KafkaAdmin(kafka, options);
  await admin.listTopics();
  const producer = new KafkaProducer(kafka, options);
  const raw = config.raw;
  return {
    admin,
    producer,
    newReader: () => new PartitionReader(kafka, { brokers: options.brokers, retry: options.retry }),
    newConsumer: (o) =>
      new KafkaConsumer(kafka, options, {
        groupId: o.groupId,
        topics: o.topics,
        assignor: { sourceTopicsBySubtopology: o.sourceTopicsBySubtopology, ownedTasks: o.ownedTasks },
        sessionTimeoutMs: raw.sessionTimeoutMs as number | undefined,
        heartbeatIntervalMs: raw.heartbeatIntervalMs as number | undefined,
        rebalanceTimeoutMs: raw.rebalanceTimeoutMs as number | undefined,
        onBatch: o.onBatch,
        onAssignment: o.onAssignment,
        onRebalancing: o.onRebalancing,
      }),
    async close() {
      await producer.close().catch(() => undefined);
      await admin.close().catch(() => undefined);
    },
  };
}
