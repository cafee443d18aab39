import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kafka } from 'kafkajs';
import { EMPTY_HEADERS, Headers } from '../../src/processor/headers.js';
import { EARLIEST_OFFSET, type ProducerRecord } from '../../src/runtime/kafka/engine.js';
import { KafkaAdmin } from '../../src/runtime/kafka/kafka-admin.js';
import { KafkaProducer } from '../../src/runtime/kafka/kafka-producer.js';
import { OffsetOutOfRangeError } from '../../src/runtime/kafka/kafka-errors.js';
import { PartitionReader } from '../../src/runtime/kafka/partition-reader.js';
import { TransactionalProducer } from '../../src/runtime/kafka/transactional-producer.js';
import type { ConsumedBytes } from '../../src/runtime/task/consumed-record.js';
import { clientOptions, testKafka, uniqueName } from './kafka-test-support.js';

const record = (topic: string, value: string, partition = 0): ProducerRecord => ({
  topic,
  partition,
  key: Buffer.from(`k-${value}`),
  value: Buffer.from(value),
  headers: EMPTY_HEADERS,
  timestamp: 1_000,
});

/** Fetches until every partition's position reaches its end offset. */
async function readToEnd(reader: PartitionReader, ends: ReadonlyMap<string, bigint>): Promise<ConsumedBytes[]> {
  const out: ConsumedBytes[] = [];
  const done = (): boolean => [...ends].every(([key, end]) => (positions.get(key) ?? -1n) >= end);
  const positions = new Map<string, bigint>();
  for (let round = 0; round < 50 && !done(); round++) {
    const result = await reader.fetch(200);
    for (const records of result.records.values()) out.push(...records);
    for (const [key, position] of result.positions) positions.set(key, position);
  }
  expect(done()).toBe(true);
  return out;
}

/** Transaction markers are written after EndTxn returns: wait until the end offset shows them. */
async function waitForEnd(admin: KafkaAdmin, topic: string, expected: bigint): Promise<Map<string, bigint>> {
  for (let i = 0; i < 100; i++) {
    const ends = await admin.endOffsets([topic]);
    if (ends.get(`${topic}-0`) === expected) return ends;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`end offset of ${topic}-0 never reached ${expected}`);
}

describe('PartitionReader on a real broker', () => {
  let kafka: Kafka;
  let admin: KafkaAdmin;
  const closers: Array<() => Promise<void>> = [];

  beforeAll(() => {
    kafka = testKafka();
    admin = new KafkaAdmin(kafka, clientOptions());
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await admin.close();
  });

  it('reads committed records from an offset to the LSO, skipping aborted transactions and markers', async () => {
    const topic = uniqueName('reader-txn');
    await admin.createTopics([{ name: topic, numPartitions: 1, replicationFactor: 1 }]);

    const plain = new KafkaProducer(kafka, clientOptions());
    closers.push(() => plain.close());
    for (const v of ['p1', 'p2']) plain.send(record(topic, v));
    await plain.flush();

    const txn = new TransactionalProducer(kafka, clientOptions(), { transactionalId: uniqueName('reader-txn-id') });
    closers.push(() => txn.close());
    await txn.init();
    await txn.beginTransaction();
    for (const v of ['a1', 'a2']) txn.send(record(topic, v));
    await txn.flush();
    await txn.abortTransaction();
    await txn.beginTransaction();
    for (const v of ['c1', 'c2', 'c3']) txn.send(record(topic, v));
    await txn.commitTransaction();
    await waitForEnd(admin, topic, 9n);
    plain.send(record(topic, 'p3'));
    await plain.flush();

    // p1@0 p2@1 | a1@2 a2@3 ABORT@4 | c1@5 c2@6 c3@7 COMMIT@8 | p3@9
    const ends = await waitForEnd(admin, topic, 10n);

    const reader = new PartitionReader(kafka, { brokers: clientOptions().brokers });
    closers.push(() => reader.close());
    await reader.assign(new Map([[`${topic}-0`, 0n]]));
    const all = await readToEnd(reader, ends);
    expect(all.map((r) => r.value!.toString())).toEqual(['p1', 'p2', 'c1', 'c2', 'c3', 'p3']);
    expect(all.map((r) => r.offset)).toEqual([0n, 1n, 5n, 6n, 7n, 9n]);
    expect(all[0]).toMatchObject({ topic, partition: 0, timestamp: 1_000, key: Buffer.from('k-p1') });
    expect(reader.position({ topic, partition: 0 })).toBe(10n);

    // From the middle of the aborted transaction, and again from inside the committed one.
    await reader.assign(new Map([[`${topic}-0`, 3n]]));
    expect((await readToEnd(reader, ends)).map((r) => r.value!.toString())).toEqual(['c1', 'c2', 'c3', 'p3']);
    reader.seek({ topic, partition: 0 }, 6n);
    expect((await readToEnd(reader, ends)).map((r) => r.value!.toString())).toEqual(['c2', 'c3', 'p3']);
  });

  it('stops at the LSO while another transaction is open, and ends on a commit marker', async () => {
    const topic = uniqueName('reader-open');
    await admin.createTopics([{ name: topic, numPartitions: 1, replicationFactor: 1 }]);
    const committed = new TransactionalProducer(kafka, clientOptions(), { transactionalId: uniqueName('reader-c') });
    const open = new TransactionalProducer(kafka, clientOptions(), { transactionalId: uniqueName('reader-o') });
    closers.push(() => committed.close(), () => open.close());
    await committed.init();
    await open.init();

    await committed.beginTransaction();
    committed.send(record(topic, 'c1'));
    await committed.commitTransaction(); // c1@0 COMMIT@1
    await waitForEnd(admin, topic, 2n);
    await open.beginTransaction();
    open.send(record(topic, 'o1'));
    await open.flush(); // o1@2, transaction left open: LSO = 2
    await committed.beginTransaction();
    committed.send(record(topic, 'c2'));
    await committed.commitTransaction(); // c2@3 COMMIT@4, invisible until o1's transaction ends

    const ends = await admin.endOffsets([topic]);
    expect(ends.get(`${topic}-0`)).toBe(2n); // the LSO: o1's open transaction
    const reader = new PartitionReader(kafka, { brokers: clientOptions().brokers });
    closers.push(() => reader.close());
    await reader.assign(new Map([[`${topic}-0`, EARLIEST_OFFSET]]));
    expect((await readToEnd(reader, ends)).map((r) => r.value!.toString())).toEqual(['c1']);
    const again = await reader.fetch(100);
    expect(again.records.size).toBe(0);
    expect(again.lastStableOffsets.get(`${topic}-0`)).toBe(2n);

    await open.abortTransaction(); // o1 ABORT@5
    const after = await waitForEnd(admin, topic, 6n);
    expect((await readToEnd(reader, after)).map((r) => r.value!.toString())).toEqual(['c2']);
    expect(reader.position({ topic, partition: 0 })).toBe(6n);
  });

  it('reads several partitions at once, reads headers, and reports a position out of range', async () => {
    const topic = uniqueName('reader-multi');
    await admin.createTopics([{ name: topic, numPartitions: 3, replicationFactor: 1 }]);
    const producer = new KafkaProducer(kafka, clientOptions());
    closers.push(() => producer.close());
    const headers = new Headers().add('b', 'one').add('a', null).add('b', 'two');
    for (let p = 0; p < 3; p++) for (let i = 0; i < 4; i++) producer.send({ ...record(topic, `v${p}${i}`, p), headers });
    await producer.flush();

    const reader = new PartitionReader(kafka, { brokers: clientOptions().brokers });
    closers.push(() => reader.close());
    await reader.assign(new Map([[`${topic}-0`, 0n], [`${topic}-2`, 2n]]));
    const records = await readToEnd(reader, new Map([[`${topic}-0`, 4n], [`${topic}-2`, 4n]]));
    expect(records.map((r) => r.value!.toString()).sort()).toEqual(['v00', 'v01', 'v02', 'v03', 'v22', 'v23']);
    // kafkajs sends headers grouped by key (its headers are an object) and null values empty.
    expect(records[0]!.headers.toArray().map((h) => [h.key, h.value?.toString()])).toEqual([
      ['b', 'one'],
      ['b', 'two'],
      ['a', ''],
    ]);

    await reader.assign(new Map([[`${topic}-1`, 99n]]));
    await expect(reader.fetch(100)).rejects.toBeInstanceOf(OffsetOutOfRangeError);
  });
});
