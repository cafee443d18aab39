// After a join, the consumer refreshes metadata until kafkajs knows a leader for every
// assigned partition (kafkajs skips partitions without one until its metadata expires).
// A stand-in cluster: this tests the loop, not the client.
import { describe, expect, it } from 'vitest';
import type { PartitionMetadata } from 'kafkajs';
import { partitionsWithoutLeader, refreshUntilLeadersKnown, type LeaderMetadataSource } from '../../../src/runtime/kafka/leader-metadata.js';

const partition = (partitionId: number, leader: number): PartitionMetadata => ({ partitionId, leader, replicas: [leader], isr: [leader], partitionErrorCode: 0, offlineReplicas: [] });

/** Metadata that gains `topic`'s partitions (leader 1) after `refreshesNeeded` refreshes. */
function cluster(refreshesNeeded: number): LeaderMetadataSource & { refreshes: number } {
  return {
    refreshes: 0,
    findTopicPartitionMetadata(topic: string) {
      if (topic !== 'orders') throw new Error(`no metadata for ${topic}`);
      return this.refreshes >= refreshesNeeded ? [partition(0, 1), partition(1, 1)] : [partition(0, 1), partition(1, -1)];
    },
    async refreshMetadata() {
      this.refreshes++;
    },
  };
}

const ASSIGNED = [
  { topic: 'orders', partition: 0 },
  { topic: 'orders', partition: 1 },
];

describe('leader metadata after a join', () => {
  it('names partitions without a leader, and topics the metadata lacks', () => {
    expect(partitionsWithoutLeader(cluster(1), ASSIGNED)).toEqual([{ topic: 'orders', partition: 1 }]);
    expect(partitionsWithoutLeader(cluster(0), ASSIGNED)).toEqual([]);
    expect(partitionsWithoutLeader(cluster(0), [{ topic: 'missing', partition: 0 }, { topic: 'orders', partition: 7 }])).toHaveLength(2);
  });

  it('refreshes until every assigned partition has a leader, then stops', async () => {
    const c = cluster(3);
    await refreshUntilLeadersKnown(c, ASSIGNED, () => true, { intervalMs: 1 });
    expect(c.refreshes).toBe(3);
  });

  it('does not refresh when leaders are known, and gives up after its attempts or a new assignment', async () => {
    const known = cluster(0);
    await refreshUntilLeadersKnown(known, ASSIGNED, () => true, { intervalMs: 1 });
    expect(known.refreshes).toBe(0);
    const never = cluster(Infinity);
    await refreshUntilLeadersKnown(never, ASSIGNED, () => true, { attempts: 4, intervalMs: 1 });
    expect(never.refreshes).toBe(4);
    const replaced = cluster(Infinity);
    await refreshUntilLeadersKnown(replaced, ASSIGNED, () => false, { intervalMs: 1 });
    expect(replaced.refreshes).toBe(0);
  });
});
