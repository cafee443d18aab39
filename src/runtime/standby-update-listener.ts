// Kafka: StandbyUpdateListener (KIP-988)
import type { TaskId } from '../processor/task-id.js';
import type { TopicPartition } from './kafka/engine.js';

/** Why a standby stopped following a changelog: its task moved elsewhere, or became active here. */
export type StandbySuspendReason = 'MIGRATED' | 'PROMOTED';

/**
 * Told as standby replicas follow their changelogs (Java's `StandbyUpdateListener`, set with
 * `KafkaStreams.setStandbyUpdateListener`): per changelog partition a start, one call per
 * applied batch, and a suspension when the standby is closed. Called on the standby loop:
 * keep it quick.
 */
export interface StandbyUpdateListener {
  /** The standby starts following `topicPartition` for `storeName` at `startingOffset` (0 from the beginning). */
  onUpdateStart(topicPartition: TopicPartition, storeName: string, startingOffset: bigint): void;
  /** A batch of `batchSize` records, the last at `batchEndOffset`, was applied; the changelog ends at `currentEndOffset`. */
  onBatchLoaded(topicPartition: TopicPartition, storeName: string, taskId: TaskId, batchEndOffset: bigint, batchSize: number, currentEndOffset: bigint): void;
  /** The standby stopped, with the store at `storeOffset` (exclusive) of `currentEndOffset`. */
  onUpdateSuspended(topicPartition: TopicPartition, storeName: string, storeOffset: bigint, currentEndOffset: bigint, reason: StandbySuspendReason): void;
}
