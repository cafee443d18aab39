// Kafka: the repartition-record purging of TaskManager.maybePurgeCommittedRecords (KIP-811)
import type { StreamsEvent } from './streams-event.js';
import type { EngineAdmin } from './kafka/engine.js';
import { parseTopicPartitionKey } from './kafka/topic-partitions.js';

/** Kafka's `repartition.purge.interval.ms`. */
const PURGE_INTERVAL_MS = 30_000;

/**
 * Deletes repartition records once every task that reads them has committed past them:
 * commits report their offsets here, and every `repartition.purge.interval.ms` the
 * committed offsets of repartition topics become `deleteRecords` calls.
 */
export class RepartitionPurger {
  /** Offsets committed since the last purge, by `topic-partition`. */
  private readonly committed = new Map<string, bigint>();
  private lastPurge = Date.now();

  constructor(
    private readonly repartitionTopics: ReadonlySet<string>,
    private readonly admin: EngineAdmin,
    private readonly emit: (event: StreamsEvent) => void,
  ) {}

  /** Notes a committed input offset (next offset to read) of `topic-partition`. */
  committedAt(key: string, offset: bigint): void {
    this.committed.set(key, offset);
  }

  /** Purges if the interval has passed since the last purge. */
  async maybePurge(now: number): Promise<void> {
    if (now - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now;
    const byTopic = new Map<string, Map<number, bigint>>();
    for (const [key, offset] of this.committed) {
      const { topic, partition } = parseTopicPartitionKey(key);
      if (!this.repartitionTopics.has(topic)) continue;
      const partitions = byTopic.get(topic) ?? new Map<number, bigint>();
      partitions.set(partition, offset);
      byTopic.set(topic, partitions);
    }
    this.committed.clear();
    for (const [topic, partitions] of byTopic) {
      await this.admin.deleteRecords(topic, partitions);
      this.emit({ type: 'purge', topic, partitions: partitions.size });
    }
  }
}
