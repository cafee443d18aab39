import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_HEADERS } from '../../src/processor/headers.js';
import { partitionForKey } from '../../src/runtime/kafka/default-partitioner.js';
import type { ProducerRecord } from '../../src/runtime/kafka/engine.js';
import { KafkaAdmin } from '../../src/runtime/kafka/kafka-admin.js';
import { KafkaClientError, ProducerFencedError } from '../../src/runtime/kafka/kafka-errors.js';
import { KafkaProducer } from '../../src/runtime/kafka/kafka-producer.js';
import { PartitionReader } from '../../src/runtime/kafka/partition-reader.js';
import { offsetAt } from '../../src/runtime/kafka/record-batcher.js';
import { TransactionalProducer } from '../../src/runtime/kafka/transactional-producer.js';
import type { ConsumedBytes } from '../../src/runtime/task/consumed-record.js';
import { clientOptions, testKafka, uniqueName } from './kafka-test-support.js';

const record = (topic: string, value: string | Buffer, partition: number | null, key: string | null = null): ProducerRecord => ({
  topic,
  partition,
  key: key === null ? null : Buffer.from(key),
  value: typeof value === 'string' ? Buffer.from(value) : value,
  headers: EMPTY_HEADERS,
  timestamp: 7,
});

describe('producers on a real broker', () => {
  const kafka = testKafka();
  const admin = new KafkaAdmin(kafka, clientOptions());
  const closers: Array<() => Promise<void>> = [];

  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await admin.close();
  });

  async function readAll(topic: string, partitions: number): Promise<Map<string, ConsumedBytes>> {
    const ends = await admin.endOffsets([topic]);
    const reader = new PartitionReader(kafka, { brokers: clientOptions().brokers });
    closers.push(() => reader.close());
    await reader.assign(new Map(Array.from({ length: partitions }, (_, p) => [`${topic}-${p}`, 0n] as const)));
    const byValue = new Map<string, ConsumedBytes>();
    const positions = new Map<string, bigint>();
    for (let i = 0; i < 100 && [...ends].some(([k, end]) => (positions.get(k) ?? 0n) < end); i++) {
      const result = await reader.fetch(200);
      for (const records of result.records.values()) for (const r of records) byValue.set(r.value!.toString('latin1').slice(0, 12), r);
      for (const [k, v] of result.positions) positions.set(k, v);
    }
    return byValue;
  }

  it('flush returns the offset of every record (base offset + index), also across several requests', async () => {
    const topic = uniqueName('producer-offsets');
    await admin.createTopics([{ name: topic, numPartitions: 2, replicationFactor: 1 }]);
    const producer = new KafkaProducer(kafka, clientOptions(), { maxBatchBytes: 64 * 1024 });
    closers.push(() => producer.close());
    await producer.loadTopics([topic]);
    expect(producer.partitionsFor(topic)).toBe(2);

    // 1,200 records of ~1 KB: several Produce rounds per partition at 64 KiB each.
    const sent: Array<{ value: string; partition: number; index: number }> = [];
    const perPartition = [0, 0];
    for (let i = 0; i < 1200; i++) {
      const partition = i % 3 === 0 ? 1 : 0;
      const value = `v${String(i).padStart(11, '0')}`;
      producer.send(record(topic, Buffer.concat([Buffer.from(value), Buffer.alloc(1000, 1)]), partition));
      sent.push({ value, partition, index: perPartition[partition]!++ });
    }
    expect(producer.buffered).toBe(1200);
    const acks = await producer.flush();
    expect(producer.buffered).toBe(0);
    expect(acks.get(`${topic}-0`)!.ranges.length).toBeGreaterThan(1);
    expect(acks.get(`${topic}-0`)!.lastOffset).toBe(799n);
    expect(acks.get(`${topic}-1`)!.lastOffset).toBe(399n);

    const read = await readAll(topic, 2);
    expect(read.size).toBe(1200);
    for (const s of sent) {
      const r = read.get(s.value)!;
      expect(r.partition).toBe(s.partition);
      expect(r.offset).toBe(offsetAt(acks.get(`${topic}-${s.partition}`)!, s.index));
    }

    // A second flush continues where the first ended.
    producer.send(record(topic, 'next', 1));
    expect((await producer.flush()).get(`${topic}-1`)!.ranges).toEqual([{ baseOffset: 400n, count: 1 }]);
  });

  it('puts keyed records on the partition Java would choose (murmur2), loading unknown topics at flush', async () => {
    const topic = uniqueName('producer-keys');
    await admin.createTopics([{ name: topic, numPartitions: 5, replicationFactor: 1 }]);
    const producer = new KafkaProducer(kafka, clientOptions());
    closers.push(() => producer.close());
    const keys = Array.from({ length: 40 }, (_, i) => `key-${i}`);
    for (const k of keys) producer.send(record(topic, `val-${k}`.padEnd(12, '.'), null, k));
    await producer.flush();
    expect(producer.partitionsFor(topic)).toBe(5);
    const read = await readAll(topic, 5);
    for (const k of keys) expect(read.get(`val-${k}`.padEnd(12, '.'))!.partition).toBe(partitionForKey(Buffer.from(k), 5));
  });

  it('reports a missing sink topic clearly', async () => {
    const producer = new KafkaProducer(kafka, clientOptions());
    closers.push(() => producer.close());
    const missing = uniqueName('producer-missing');
    producer.send(record(missing, 'x', null));
    await expect(producer.flush()).rejects.toThrow(KafkaClientError);
    producer.send(record(missing, 'x', null));
    await expect(producer.flush()).rejects.toThrow(/does not exist \(auto topic creation is off\)/);
  });

  it('commits offsets with metadata inside a transaction, and fences an older producer with the same id', async () => {
    const topic = uniqueName('producer-txn');
    const groupId = uniqueName('producer-txn-group');
    await admin.createTopics([{ name: topic, numPartitions: 1, replicationFactor: 1 }]);
    const transactionalId = uniqueName('app-0_0');
    const old = new TransactionalProducer(kafka, clientOptions(), { transactionalId });
    closers.push(() => old.close());
    await old.init();
    await old.beginTransaction();
    old.send(record(topic, 'old-1', 0));
    await old.sendOffsets(groupId, new Map([[`${topic}-0`, { offset: 42n, metadata: 'pt=7' }]]));
    const acks = await old.commitTransaction();
    expect(acks.get(`${topic}-0`)!.lastOffset).toBe(0n);

    // The task moves: a new owner initialises the same transactional id and fences the old one.
    await old.beginTransaction();
    old.send(record(topic, 'zombie', 0));
    await old.flush();
    const owner = new TransactionalProducer(kafka, clientOptions(), { transactionalId });
    closers.push(() => owner.close());
    await owner.init();
    await expect(old.commitTransaction()).rejects.toBeInstanceOf(ProducerFencedError);
    // EndTxn returns before the commit markers reach __consumer_offsets, so an offset fetch right
    // after commitTransaction() may still see the old offsets. Once the next owner's init() has
    // fenced the id, they are final: the runtime reads committed offsets only after that init.
    expect(await admin.committedOffsets(groupId, [topic])).toEqual(new Map([[`${topic}-0`, { offset: 42n, metadata: 'pt=7' }]]));

    await owner.beginTransaction();
    owner.send(record(topic, 'new-1', 0));
    await owner.commitTransaction();
    const values = [...(await readAll(topic, 1)).keys()];
    expect(values).toEqual(['old-1', 'new-1']); // the zombie's write was aborted by the fence
  });

  it('aborting drops buffered records and the aborted ones stay invisible', async () => {
    const topic = uniqueName('producer-abort');
    await admin.createTopics([{ name: topic, numPartitions: 1, replicationFactor: 1 }]);
    const txn = new TransactionalProducer(kafka, clientOptions(), { transactionalId: uniqueName('abort') });
    closers.push(() => txn.close());
    await txn.init();
    await txn.beginTransaction();
    txn.send(record(topic, 'flushed', 0));
    await txn.flush();
    txn.send(record(topic, 'buffered', 0));
    await txn.abortTransaction();
    expect(txn.buffered).toBe(0);
    expect(txn.inTransaction).toBe(false);
    await txn.beginTransaction();
    txn.send(record(topic, 'kept', 0));
    await txn.commitTransaction();
    expect([...(await readAll(topic, 1)).keys()]).toEqual(['kept']);
  });

  it('a closed producer never initialises its id again, so it cannot fence the next owner', async () => {
    const topic = uniqueName('producer-closed');
    await admin.createTopics([{ name: topic, numPartitions: 1, replicationFactor: 1 }]);
    const transactionalId = uniqueName('app-0_2');
    const old = new TransactionalProducer(kafka, clientOptions(), { transactionalId });
    await old.init();
    await old.beginTransaction();
    old.send(record(topic, 'old', 0));
    await old.flush();
    // A failed abort marks the producer for replacement (a fresh InitProducerId) at its next transaction.
    const owner = new TransactionalProducer(kafka, clientOptions(), { transactionalId });
    closers.push(() => owner.close());
    await owner.init();
    await expect(old.abortTransaction()).rejects.toBeInstanceOf(ProducerFencedError);
    await old.close();
    await expect(old.beginTransaction()).rejects.toThrow(/is closed/);
    await expect(old.init()).rejects.toThrow(/is closed/);
    await owner.beginTransaction();
    owner.send(record(topic, 'owner', 0));
    await owner.commitTransaction();
    expect([...(await readAll(topic, 1)).keys()]).toEqual(['owner']);
  });
});
