// Smoke test of the real broker: a 3-partition topic, 10 records produced and consumed back.
import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createTopics, kafkaClient, uniqueName } from './kafka.js';

describe('local Kafka broker', () => {
  it('creates a topic, then produces and consumes 10 records across 3 partitions', async () => {
    const topic = uniqueName('broker-smoke');
    await createTopics([{ topic, numPartitions: 3 }]);
    const kafka = kafkaClient();

    const admin = kafka.admin();
    await admin.connect();
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    await admin.disconnect();
    expect(meta.topics[0]?.partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);

    const sent = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, partition: i % 3 }));
    const producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await producer.send({ topic, messages: sent });
    await producer.disconnect();

    const received: { key: string; value: string; partition: number; offset: string }[] = [];
    const consumer = kafka.consumer({
      groupId: uniqueName('broker-smoke-group'),
      allowAutoTopicCreation: false,
      sessionTimeout: 6000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      const all = new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ partition, message }) => {
            received.push({
              key: message.key?.toString() ?? '',
              value: message.value?.toString() ?? '',
              partition,
              offset: message.offset,
            });
            if (received.length >= sent.length) resolve();
          },
        });
      });
      await all;
    } finally {
      await consumer.disconnect();
    }

    const byKey = (a: { key: string }, b: { key: string }): number => a.key.localeCompare(b.key);
    expect(received.map(({ key, value, partition }) => ({ key, value, partition })).sort(byKey)).toEqual(
      [...sent].sort(byKey),
    );
    // Within a partition records arrive in offset order, offsets counting from 0.
    for (const p of [0, 1, 2]) {
      const inPartition = received.filter((r) => r.partition === p);
      expect(inPartition.map((r) => r.offset)).toEqual(inPartition.map((_, i) => String(i)));
      expect(inPartition.map((r) => r.key)).toEqual(sent.filter((s) => s.partition === p).map((s) => s.key));
    }
  });
});
