// Kafka: StateRestoreListener
import type { TopicPartition } from './kafka/engine.js';

/**
 * Told as active tasks restore their stores from the changelogs (Java's
 * `StateRestoreListener`, set with `KafkaStreams.setGlobalStateRestoreListener`): per
 * changelog partition, a start, one call per restored batch, then an end, or a suspension
 * when the task is taken away first. Called on the processing loop: keep it quick.
 */
export interface StateRestoreListener {
  /** Restoration of `storeName` from `topicPartition` starts at `startingOffset` (0 from the beginning) and runs to `endingOffset` (exclusive). */
  onRestoreStart(topicPartition: TopicPartition, storeName: string, startingOffset: bigint, endingOffset: bigint): void;
  /** A batch of `numRestored` records, the last at `batchEndOffset`, was applied. */
  onBatchRestored(topicPartition: TopicPartition, storeName: string, batchEndOffset: bigint, numRestored: number): void;
  /** The store reached `endingOffset`, after `totalRestored` records. */
  onRestoreEnd(topicPartition: TopicPartition, storeName: string, totalRestored: number): void;
  /** The task was closed before the end (a rebalance moved it), after `totalRestored` records. */
  onRestoreSuspended?(topicPartition: TopicPartition, storeName: string, totalRestored: number): void;
}
