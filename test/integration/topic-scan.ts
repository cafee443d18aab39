// Reading a topic back in integration tests, through the runtime's PartitionReader: every
// partition from its log start, read_committed, outside any consumer group (no join, no
// rebalance wait, no group assignor between the test and the partitions it checks).
import { EARLIEST_OFFSET } from '../../src/runtime/kafka/engine.js';
import { KafkaAdmin } from '../../src/runtime/kafka/kafka-admin.js';
import { createKafkaClient } from '../../src/runtime/kafka/kafka-client.js';
import { PartitionReader } from '../../src/runtime/kafka/partition-reader.js';
import type { ConsumedBytes } from '../../src/runtime/task/consumed-record.js';
import { kafkaBootstrap } from './kafka.js';

/**
 * Passes each fetched batch of `topic` to `onRecords` until it returns true (then resolves
 * true) or `timeoutMs` passes (then resolves false). A topic that does not exist yet is
 * waited for within the same time.
 */
export async function scanTopic(
  topic: string,
  onRecords: (records: readonly ConsumedBytes[]) => boolean,
  timeoutMs: number,
  bootstrap = kafkaBootstrap(),
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const options = { brokers: [bootstrap], clientId: 'kstreams-it-scan' };
  const kafka = createKafkaClient(options);
  const admin = new KafkaAdmin(kafka, options);
  const reader = new PartitionReader(kafka, { brokers: options.brokers });
  try {
    const partitions = await partitionCount(admin, topic, deadline);
    await reader.assign(new Map(Array.from({ length: partitions }, (_, p) => [`${topic}-${p}`, EARLIEST_OFFSET] as const)));
    while (Date.now() < deadline) {
      const { records } = await reader.fetch(100);
      if (onRecords([...records.values()].flat())) return true;
    }
    return false;
  } finally {
    await reader.close();
    await admin.close();
  }
}

async function partitionCount(admin: KafkaAdmin, topic: string, deadline: number): Promise<number> {
  for (;;) {
    const count = await admin.partitionCounts([topic]).then(
      (counts) => counts.get(topic),
      (e: unknown) => {
        if (Date.now() >= deadline) throw e;
        return undefined;
      },
    );
    if (count !== undefined) return count;
    await new Promise((r) => setTimeout(r, 200));
  }
}
