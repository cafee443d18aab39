import type { PartitionMetadata } from 'kafkajs';
import type { TopicPartition } from './engine.js';

/** The part of kafkajs's cluster this needs. */
export interface LeaderMetadataSource {
  findTopicPartitionMetadata(topic: string): PartitionMetadata[];
  refreshMetadata(): Promise<void>;
}

/** Assigned partitions the client's metadata names no leader for (the topic or partition is missing, or leader -1). */
export function partitionsWithoutLeader(cluster: LeaderMetadataSource, assignment: readonly TopicPartition[]): TopicPartition[] {
  return assignment.filter((tp) => {
    let metadata: PartitionMetadata[];
    try {
      metadata = cluster.findTopicPartitionMetadata(tp.topic);
    } catch {
      return true;
    }
    const p = metadata.find((m) => m.partitionId === tp.partition);
    return p === undefined || p.leader === null || p.leader < 0;
  });
}

/**
 * kafkajs fetches an assigned partition only from the leader its metadata names, and
 * silently skips one its metadata lacks until that metadata expires (5 minutes). After a
 * join, refresh the metadata every `intervalMs` until every assigned partition has a known
 * leader, at most `attempts` times, while `current()` (the assignment still stands) holds.
 */
export async function refreshUntilLeadersKnown(
  cluster: LeaderMetadataSource,
  assignment: readonly TopicPartition[],
  current: () => boolean,
  { attempts = 20, intervalMs = 250 } = {},
): Promise<void> {
  for (let i = 0; i < attempts && partitionsWithoutLeader(cluster, assignment).length > 0; i++) {
    await new Promise((r) => setTimeout(r, intervalMs));
    if (!current()) return;
    await cluster.refreshMetadata().catch(() => undefined);
  }
}
