// PartitionReader against a stubbed kafkajs Cluster/Broker: the orchestration around the
// Fetch (leaders, positions, seeks during a fetch, failures and back-off).
import type { Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { FetchResponse } from '../../../src/runtime/kafka/fetch-response.js';
import { KafkaClientError, OffsetOutOfRangeError } from '../../../src/runtime/kafka/kafka-errors.js';
import { PartitionReader } from '../../../src/runtime/kafka/partition-reader.js';
import { encodeBatch } from './batch-fixtures.js';

interface Stub {
  leaders: Record<string, number[]>;
  respond: () => FetchResponse;
  refreshes: number;
  beforeRespond?: () => void;
  /** The log's listed start and end offsets (ListOffsets); 3 and 3 unless set. */
  range?: { start: number; end: number };
}

function stubKafka(stub: Stub): Kafka {
  const broker = {
    nodeId: 1,
    versions: { 1: { minVersion: 4, maxVersion: 17 } },
    disconnect: () => Promise.resolve(),
    connectionPool: {
      send: () => {
        stub.beforeRespond?.();
        return Promise.resolve(stub.respond());
      },
    },
  };
  const cluster = {
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    refreshMetadata: () => {
      stub.refreshes++;
      return Promise.resolve();
    },
    addMultipleTargetTopics: () => Promise.resolve(),
    findLeaderForPartitions: () => stub.leaders,
    findBroker: () => Promise.resolve(broker),
    fetchTopicsOffset: (request: Array<{ fromBeginning: boolean }>) => {
      const { start, end } = stub.range ?? { start: 3, end: 3 };
      const offset = String(request[0]!.fromBeginning ? start : end);
      return Promise.resolve([{ topic: 't', partitions: [{ partition: 0, offset }] }]);
    },
  };
  return { [Symbol('private:Kafka:createCluster')]: () => cluster } as unknown as Kafka;
}

const response = (partitions: Array<Partial<FetchResponse['topics'][number]['partitions'][number]> & { partition: number }>): FetchResponse => ({
  errorCode: 0,
  clientSideThrottleTime: 0,
  topics: [
    {
      topic: 't',
      partitions: partitions.map((p) => ({
        errorCode: 0,
        highWatermark: 10n,
        lastStableOffset: 10n,
        logStartOffset: 0n,
        abortedTransactions: null,
        recordSet: null,
        ...p,
      })),
    },
  ],
});

const retry = { retries: 2, initialRetryTime: 5, maxRetryTime: 10 };

describe('PartitionReader (stubbed cluster)', () => {
  it('returns records and moves the position past a trailing zero-record batch', async () => {
    const recordSet = Buffer.concat([
      encodeBatch({ baseOffset: 3n, records: [{ offsetDelta: 0, value: Buffer.from('a') }] }),
      encodeBatch({ baseOffset: 4n, lastOffsetDelta: 5, producerId: 2n, records: [] }),
    ]);
    const stub: Stub = { leaders: { 1: [0] }, refreshes: 0, respond: () => response([{ partition: 0, recordSet }]) };
    const reader = new PartitionReader(stubKafka(stub), { brokers: ['b:1'], retry });
    await reader.assign(new Map([['t-0', -2n]])); // EARLIEST: the stub's log start is 3
    expect(reader.position({ topic: 't', partition: 0 })).toBe(3n);
    const result = await reader.fetch(10);
    expect(result.records.get('t-0')!.map((r) => r.value!.toString())).toEqual(['a']);
    expect(result.positions.get('t-0')).toBe(10n);
    expect(result.lastStableOffsets.get('t-0')).toBe(10n);
    expect(reader.position({ topic: 't', partition: 0 })).toBe(10n);
  });

  it('ignores a response for a partition sought during the fetch', async () => {
    const recordSet = encodeBatch({ baseOffset: 0n, records: [{ offsetDelta: 0, value: Buffer.from('old') }] });
    const holder: { reader?: PartitionReader } = {};
    const stub: Stub = {
      leaders: { 1: [0] },
      refreshes: 0,
      respond: () => response([{ partition: 0, recordSet }]),
      beforeRespond: () => holder.reader!.seek({ topic: 't', partition: 0 }, 7n),
    };
    const reader = (holder.reader = new PartitionReader(stubKafka(stub), { brokers: ['b:1'], retry }));
    await reader.assign(new Map([['t-0', 0n]]));
    const result = await reader.fetch(10);
    expect(result.records.size).toBe(0);
    expect(reader.position({ topic: 't', partition: 0 })).toBe(7n);
  });

  it('throws OffsetOutOfRangeError with the coordinates and the log range', async () => {
    const stub: Stub = { leaders: { 1: [0] }, refreshes: 0, respond: () => response([{ partition: 0, errorCode: 1 }]), range: { start: 3, end: 10 } };
    const reader = new PartitionReader(stubKafka(stub), { brokers: ['b:1'], retry });
    await reader.assign(new Map([['t-0', 99n]]));
    const error = reader.fetch(10);
    await expect(error).rejects.toMatchObject({ constructor: OffsetOutOfRangeError, topic: 't', partition: 0, offset: 99n, range: { start: 3n, end: 10n } });
    await expect(error).rejects.toThrow('Offset 99 is out of range for t-0; the log holds offsets 3 to 10');
  });

  it('backs off while no leader is known, refreshing metadata, and then fails clearly', async () => {
    const stub: Stub = { leaders: {}, refreshes: 0, respond: () => response([]) };
    const reader = new PartitionReader(stubKafka(stub), { brokers: ['b:1'], retry });
    await reader.assign(new Map([['t-0', 0n]]));
    const started = Date.now();
    expect((await reader.fetch(10)).positions.size).toBe(0);
    expect((await reader.fetch(10)).positions.size).toBe(0);
    await expect(reader.fetch(10)).rejects.toBeInstanceOf(KafkaClientError);
    expect(stub.refreshes).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10); // waited between rounds
  });

  it('treats a leader change as stale metadata, not as an error', async () => {
    let calls = 0;
    const stub: Stub = {
      leaders: { 1: [0] },
      refreshes: 0,
      respond: () => response([{ partition: 0, errorCode: calls++ === 0 ? 6 : 0 }]),
    };
    const reader = new PartitionReader(stubKafka(stub), { brokers: ['b:1'], retry });
    await reader.assign(new Map([['t-0', 4n]]));
    expect((await reader.fetch(10)).positions.size).toBe(0);
    expect(stub.refreshes).toBe(1);
    expect((await reader.fetch(10)).positions.get('t-0')).toBe(4n);
  });
});
