import type { Message, RecordMetadata } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { EMPTY_HEADERS, Headers } from '../../../src/processor/headers.js';
import { partitionForKey } from '../../../src/runtime/kafka/default-partitioner.js';
import type { ProducerRecord } from '../../../src/runtime/kafka/engine.js';
import { offsetAt, RecordBatcher, type SendBatch } from '../../../src/runtime/kafka/record-batcher.js';

const rec = (topic: string, value: string, partition: number | null = 0, key: string | null = null): ProducerRecord => ({
  topic,
  partition,
  key: key === null ? null : Buffer.from(key),
  value: Buffer.from(value),
  headers: EMPTY_HEADERS,
  timestamp: 42,
});

/** A fake broker: appends each partition's messages to a log and answers with base offsets. */
function fakeBroker(): { send: SendBatch; calls: Array<Array<{ topic: string; messages: Message[] }>>; logs: Map<string, string[]> } {
  const logs = new Map<string, string[]>();
  const calls: Array<Array<{ topic: string; messages: Message[] }>> = [];
  const send: SendBatch = (topicMessages) => {
    calls.push(topicMessages);
    const out: RecordMetadata[] = [];
    for (const { topic, messages } of topicMessages) {
      const byPartition = new Map<number, Message[]>();
      for (const m of messages) byPartition.set(m.partition!, [...(byPartition.get(m.partition!) ?? []), m]);
      for (const [partition, ms] of byPartition) {
        const log = logs.get(`${topic}-${partition}`) ?? [];
        logs.set(`${topic}-${partition}`, log);
        out.push({ topicName: topic, partition, errorCode: 0, baseOffset: String(log.length) });
        log.push(...ms.map((m) => String(m.value)));
      }
    }
    return Promise.resolve(out);
  };
  return { send, calls, logs };
}

const noLoad = () => Promise.reject(new Error('no metadata needed'));

describe('RecordBatcher', () => {
  it('returns base offset + index per partition, in send order', async () => {
    const batcher = new RecordBatcher();
    batcher.setPartitionCounts(new Map([['t', 2]]));
    const broker = fakeBroker();
    broker.logs.set('t-1', ['old', 'old']);
    for (const [v, p] of [['a', 0], ['b', 1], ['c', 0], ['d', 1]] as const) batcher.add(rec('t', v, p));
    expect(batcher.buffered).toBe(4);
    const acks = await batcher.flush(broker.send, noLoad);
    expect(batcher.buffered).toBe(0);
    expect(broker.calls).toHaveLength(1);
    expect(acks.get('t-0')).toMatchObject({ topic: 't', partition: 0, lastOffset: 1n, ranges: [{ baseOffset: 0n, count: 2 }] });
    expect(acks.get('t-1')).toMatchObject({ lastOffset: 3n, ranges: [{ baseOffset: 2n, count: 2 }] });
    expect(offsetAt(acks.get('t-1')!, 1)).toBe(3n);
    expect(broker.logs.get('t-1')).toEqual(['old', 'old', 'b', 'd']);
  });

  it('partitions keyed records with murmur2 and spreads unkeyed ones round robin', async () => {
    const batcher = new RecordBatcher();
    batcher.setPartitionCounts(new Map([['t', 3]]));
    const broker = fakeBroker();
    batcher.add(rec('t', 'k', null, 'foobar'));
    for (const v of ['r0', 'r1', 'r2']) batcher.add(rec('t', v, null));
    await batcher.flush(broker.send, noLoad);
    const keyed = partitionForKey(Buffer.from('foobar'), 3);
    expect(broker.logs.get(`t-${keyed}`)).toContain('k');
    expect([0, 1, 2].map((p) => broker.logs.get(`t-${p}`)?.filter((v) => v.startsWith('r')).length)).toEqual([1, 1, 1]);
  });

  it('splits a partition into several requests under maxBatchBytes, keeping order and offsets', async () => {
    const batcher = new RecordBatcher(100);
    batcher.setPartitionCounts(new Map([['t', 1], ['u', 1]]));
    const broker = fakeBroker();
    for (let i = 0; i < 10; i++) batcher.add(rec('t', `${i}`.padStart(30, '.')));
    batcher.add(rec('u', 'one'));
    const acks = await batcher.flush(broker.send, noLoad);
    expect(broker.calls.length).toBeGreaterThan(3);
    expect(broker.logs.get('t-0')!.map((v) => Number(v.replaceAll('.', '')))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const t = acks.get('t-0')!;
    expect(t.ranges.reduce((n, r) => n + r.count, 0)).toBe(10);
    expect(t.lastOffset).toBe(9n);
    expect([0, 5, 9].map((i) => offsetAt(t, i))).toEqual([0n, 5n, 9n]);
    expect(acks.get('u-0')!.lastOffset).toBe(0n);
  });

  it('holds records of topics with unknown partition counts until the flush loads them', async () => {
    const batcher = new RecordBatcher();
    const broker = fakeBroker();
    batcher.add(rec('new', 'x', null, 'a'));
    batcher.add(rec('new', 'y', 1));
    expect(batcher.partitionCount('new')).toBeUndefined();
    const loaded: string[][] = [];
    await batcher.flush(broker.send, (topics) => {
      loaded.push([...topics]);
      return Promise.resolve(new Map([['new', 2]]));
    });
    expect(loaded).toEqual([['new']]);
    expect(batcher.partitionCount('new')).toBe(2);
    expect(broker.logs.get('new-1')).toContain('y');
  });

  it('rejects a partition the topic does not have, and clear() drops everything', async () => {
    const batcher = new RecordBatcher();
    batcher.setPartitionCounts(new Map([['t', 2]]));
    expect(() => batcher.add(rec('t', 'x', 2))).toThrow(/Partition 2 of topic 't' does not exist \(it has 2\)/);
    batcher.add(rec('t', 'x', 1));
    batcher.clear();
    expect(batcher.buffered).toBe(0);
    expect((await batcher.flush(fakeBroker().send, noLoad)).size).toBe(0);
  });

  it('passes headers as kafkajs header objects (repeated keys as arrays, null as empty)', async () => {
    const batcher = new RecordBatcher();
    batcher.setPartitionCounts(new Map([['t', 1]]));
    const broker = fakeBroker();
    batcher.add({ ...rec('t', 'h'), headers: new Headers().add('a', '1').add('b', null).add('a', '2') });
    await batcher.flush(broker.send, noLoad);
    expect(broker.calls[0]![0]!.messages[0]!.headers).toEqual({ a: [Buffer.from('1'), Buffer.from('2')], b: Buffer.alloc(0) });
    expect(broker.calls[0]![0]!.messages[0]!.timestamp).toBe('42');
  });
});
