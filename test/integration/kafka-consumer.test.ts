import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_HEADERS } from '../../src/processor/headers.js';
import type { ConsumerBatch, ProducerRecord } from '../../src/runtime/kafka/engine.js';
import { KafkaAdmin } from '../../src/runtime/kafka/kafka-admin.js';
import { createKafkaClient } from '../../src/runtime/kafka/kafka-client.js';
import { KafkaConsumer } from '../../src/runtime/kafka/kafka-consumer.js';
import { KafkaConnectionError, MissingSourceTopicError } from '../../src/runtime/kafka/kafka-errors.js';
import { KafkaProducer } from '../../src/runtime/kafka/kafka-producer.js';
import { TransactionalProducer } from '../../src/runtime/kafka/transactional-producer.js';
import { clientOptions, testKafka, uniqueName } from './kafka-test-support.js';

async function eventually(condition: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const record = (topic: string, value: string): ProducerRecord => ({
  topic,
  partition: 0,
  key: null,
  value: Buffer.from(value),
  headers: EMPTY_HEADERS,
  timestamp: 5,
});

describe('KafkaConsumer on a real broker', () => {
  const kafka = testKafka();
  const admin = new KafkaAdmin(kafka, clientOptions());
  const closers: Array<() => Promise<void>> = [];

  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await admin.close();
  });

  it('delivers batches with positions past commit markers; pause, resume, seek and commit with metadata', async () => {
    const topic = uniqueName('consumer-flow');
    const groupId = uniqueName('consumer-group');
    await admin.createTopics([{ name: topic, numPartitions: 1, replicationFactor: 1 }]);
    const txn = new TransactionalProducer(kafka, clientOptions(), { transactionalId: uniqueName('consumer-txn') });
    const plain = new KafkaProducer(kafka, clientOptions());
    closers.push(() => txn.close(), () => plain.close());
    await txn.init();
    await txn.beginTransaction();
    txn.send(record(topic, 't1'));
    txn.send(record(topic, 't2'));
    await txn.commitTransaction(); // t1@0 t2@1 COMMIT@2

    const batches: ConsumerBatch[] = [];
    const consumer = new KafkaConsumer(kafka, clientOptions(), { groupId, topics: [topic], onBatch: (b) => batches.push(b) });
    closers.push(() => consumer.close());
    await consumer.start();
    expect(consumer.assignment).toEqual([{ topic, partition: 0 }]);
    const values = (): string[] => batches.flatMap((b) => b.records.map((r) => r.value!.toString()));
    const position = (): bigint => batches.reduce((max, b) => (b.nextOffset > max ? b.nextOffset : max), 0n);
    await eventually(() => position() === 3n);
    expect(values()).toEqual(['t1', 't2']);
    expect(batches[0]!.records[0]).toMatchObject({ topic, partition: 0, offset: 0n, timestamp: 5, key: null });

    await consumer.commitOffsets(new Map([[`${topic}-0`, { offset: 3n, metadata: 'partition-time:5' }]]));
    expect(await admin.committedOffsets(groupId, [topic])).toEqual(new Map([[`${topic}-0`, { offset: 3n, metadata: 'partition-time:5' }]]));

    consumer.pause([{ topic, partition: 0 }]);
    plain.send(record(topic, 'p1'));
    await plain.flush();
    await new Promise((r) => setTimeout(r, 700));
    expect(values()).toEqual(['t1', 't2']);
    consumer.resume([{ topic, partition: 0 }]);
    await eventually(() => values().length === 3);
    expect(values()[2]).toBe('p1');

    consumer.seek({ topic, partition: 0 }, 1n);
    await eventually(() => values().length === 5);
    expect(values().slice(3)).toEqual(['t2', 'p1']);
    expect(await consumer.heartbeat()).toBe('ok');
  });

  it('hides every aborted transaction that began before the fetched range (kafkajs alone leaks one)', async () => {
    const topic = uniqueName('consumer-aborts');
    await admin.createTopics([{ name: topic, numPartitions: 1, replicationFactor: 1 }]);
    const [p1, p2, ok] = ['p1', 'p2', 'ok'].map((n) => new TransactionalProducer(kafka, clientOptions(), { transactionalId: uniqueName(n) }));
    closers.push(() => p1!.close(), () => p2!.close(), () => ok!.close());
    for (const p of [p1!, p2!, ok!]) await p.init();
    await p1!.beginTransaction();
    await p2!.beginTransaction();
    const write = async (p: TransactionalProducer, value: string) => {
      p.send(record(topic, value));
      await p.flush();
    };
    await write(p1!, 'x1'); // @0
    await write(p2!, 'y1'); // @1
    await write(p2!, 'y2'); // @2
    await write(p1!, 'x2'); // @3
    await p1!.abortTransaction();
    await p2!.abortTransaction();
    await ok!.beginTransaction();
    ok!.send(record(topic, 'committed'));
    await ok!.commitTransaction();

    const batches: ConsumerBatch[] = [];
    const consumer = new KafkaConsumer(kafka, clientOptions(), {
      groupId: uniqueName('aborts-group'),
      topics: [topic],
      onBatch: (b) => batches.push(b),
      // Start at 2: both aborted transactions began before it.
      onAssignment: (c) => c.assigned.forEach((tp) => consumer.seek(tp, 2n)),
    });
    closers.push(() => consumer.close());
    await consumer.start();
    const end = (await admin.endOffsets([topic])).get(`${topic}-0`)!;
    await eventually(() => batches.some((b) => b.nextOffset >= end));
    expect(batches.flatMap((b) => b.records.map((r) => r.value!.toString()))).toEqual(['committed']);
  });

  it('names missing source topics when subscribing', async () => {
    const present = uniqueName('consumer-present');
    await admin.createTopics([{ name: present, numPartitions: 1, replicationFactor: 1 }]);
    const missing = uniqueName('consumer-missing');
    const consumer = new KafkaConsumer(kafka, clientOptions(), { groupId: uniqueName('g'), topics: [present, missing], onBatch: () => {} });
    closers.push(() => consumer.close());
    const error = await consumer.start().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MissingSourceTopicError);
    expect((error as MissingSourceTopicError).topics).toEqual([missing]);
  });

  it('fails clearly, after bounded retries, when no broker is reachable', async () => {
    const options = {
      brokers: ['127.0.0.1:1'],
      clientId: 'unreachable',
      connectionTimeout: 300,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 200 },
    };
    const dead = createKafkaClient(options);
    const started = Date.now();
    const deadAdmin = new KafkaAdmin(dead, options);
    await expect(deadAdmin.partitionCounts(['x'])).rejects.toThrow(KafkaConnectionError);
    await expect(deadAdmin.partitionCounts(['x'])).rejects.toThrow(/Cannot reach Kafka at 127\.0\.0\.1:1/);
    const consumer = new KafkaConsumer(dead, options, { groupId: 'g', topics: ['x'], onBatch: () => {} });
    await expect(consumer.start()).rejects.toBeInstanceOf(KafkaConnectionError);
    const producer = new KafkaProducer(dead, options);
    producer.send(record('x', 'v'));
    await expect(producer.flush()).rejects.toBeInstanceOf(KafkaConnectionError);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
