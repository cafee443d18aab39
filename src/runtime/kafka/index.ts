// The Kafka engine (the only folder importing kafkajs): what the rest of the runtime uses.
export * from './engine.js';
export { KafkajsEngine } from './kafkajs-engine.js';
export { KafkaAdmin } from './kafka-admin.js';
export { KafkaProducer, type KafkaProducerOptions } from './kafka-producer.js';
export { TransactionalProducer, taskTransactionalId, type TransactionalProducerOptions } from './transactional-producer.js';
export { KafkaConsumer, isRebalanceError, type KafkaConsumerOptions } from './kafka-consumer.js';
export { PartitionReader, type PartitionReaderOptions } from './partition-reader.js';
export {
  createKafkaClient,
  kafkaClientOptions,
  DEFAULT_RETRY,
  KAFKA_CLIENT_CONFIG_KEYS,
  type KafkaClientOptions,
  type KafkaLogEntry,
  type KafkaLogLevel,
  type KafkaRetryOptions,
} from './kafka-client.js';
export {
  KafkaClientError,
  KafkaConnectionError,
  MissingSourceTopicError,
  OffsetOutOfRangeError,
  ProducerFencedError,
} from './kafka-errors.js';
export {
  createStreamsAssignor,
  decodeAssignmentInfo,
  decodeSubscriptionInfo,
  ASSIGNMENT_OK,
  ASSIGNMENT_SHUTDOWN_REQUESTED,
  STREAMS_ASSIGNOR_NAME,
  type AssignmentInfo,
  type StreamsAssignorOptions,
  type SubscriptionInfo,
} from './streams-assignor.js';
export { assignTasks, computeTasks, compareTaskIds, tasksForPartitions, type MemberTasks } from './task-assignment.js';
export { murmur2, partitionForKey, toPositive } from './default-partitioner.js';
export { offsetAt } from './record-batcher.js';
export { parseTopicPartitionKey, partitionsByTopic, topicPartitionKey } from './topic-partitions.js';
export {
  decodeTopicPartitionMetadata,
  encodeTopicPartitionMetadata,
  UNKNOWN_PARTITION_TIME,
  type TopicPartitionMetadata,
} from './topic-partition-metadata.js';
