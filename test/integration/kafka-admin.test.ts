import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_HEADERS } from '../../src/processor/headers.js';
import { KafkaAdmin } from '../../src/runtime/kafka/kafka-admin.js';
import { MissingSourceTopicError } from '../../src/runtime/kafka/kafka-errors.js';
import { KafkaProducer } from '../../src/runtime/kafka/kafka-producer.js';
import { clientOptions, testKafka, uniqueName } from './kafka-test-support.js';

describe('KafkaAdmin on a real broker', () => {
  const kafka = testKafka();
  const admin = new KafkaAdmin(kafka, clientOptions());
  const closers: Array<() => Promise<void>> = [];

  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await admin.close();
  });

  it('creates missing topics only (broker-default replication), and reports partition counts', async () => {
    const a = uniqueName('admin-a');
    const b = uniqueName('admin-b');
    expect(await admin.createTopics([{ name: a, numPartitions: 3, configs: { 'cleanup.policy': 'compact' } }])).toEqual([a]);
    expect(await admin.createTopics([{ name: a, numPartitions: 3 }, { name: b, numPartitions: 2, replicationFactor: 1 }])).toEqual([b]);
    expect(await admin.createTopics([{ name: a, numPartitions: 3 }])).toEqual([]);
    expect(await admin.partitionCounts([a, b])).toEqual(new Map([[a, 3], [b, 2]]));
    expect(await admin.listTopics()).toEqual(expect.arrayContaining([a, b]));
  });

  it('names every missing topic in MissingSourceTopicError', async () => {
    const present = uniqueName('admin-present');
    const missing = [uniqueName('admin-missing'), uniqueName('admin-missing')];
    await admin.createTopics([{ name: present, numPartitions: 1 }]);
    const error = await admin.partitionCounts([present, ...missing]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MissingSourceTopicError);
    expect((error as MissingSourceTopicError).topics).toEqual(missing);
    expect((error as Error).message).toContain(`Missing source topic(s): ${missing.join(', ')}`);
  });

  it('lists end and beginning offsets, and deletes records up to an offset', async () => {
    const topic = uniqueName('admin-offsets');
    await admin.createTopics([{ name: topic, numPartitions: 2 }]);
    const producer = new KafkaProducer(kafka, clientOptions());
    closers.push(() => producer.close());
    for (let i = 0; i < 5; i++) producer.send({ topic, partition: 0, key: null, value: Buffer.from(`${i}`), headers: EMPTY_HEADERS, timestamp: 1 });
    await producer.flush();
    expect(await admin.endOffsets([topic])).toEqual(new Map([[`${topic}-0`, 5n], [`${topic}-1`, 0n]]));
    await admin.deleteRecords(topic, new Map([[0, 3n]]));
    expect(await admin.beginningOffsets([topic])).toEqual(new Map([[`${topic}-0`, 3n], [`${topic}-1`, 0n]]));
  });

  it('returns no committed offsets for an unknown group', async () => {
    const topic = uniqueName('admin-group');
    await admin.createTopics([{ name: topic, numPartitions: 1 }]);
    expect((await admin.committedOffsets(uniqueName('nobody'), [topic])).size).toBe(0);
    const group = await admin.describeGroup(uniqueName('nobody'));
    expect(group.members).toEqual([]);
  });
});
