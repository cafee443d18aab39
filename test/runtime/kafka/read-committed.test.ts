import { describe, expect, it } from 'vitest';
import { committedRecords, hideAbortedMessages, type KafkajsFetchedMessage } from '../../../src/runtime/kafka/read-committed.js';
import { decodeRecordBatches } from '../../../src/runtime/kafka/record-batch-decoder.js';
import { encodeBatch, markerBatch, txnBatch } from './batch-fixtures.js';

const decode = (...parts: Buffer[]) => decodeRecordBatches('t', 0, Buffer.concat(parts));
const values = (r: { records: ReadonlyArray<{ value: Buffer | null }> }) => r.records.map((x) => x.value!.toString());

describe('committedRecords (read_committed)', () => {
  it('drops aborted transactions and control records; the position passes the last marker', async () => {
    const batches = await decode(
      txnBatch(0n, 1n, ['a1', 'a2']),
      markerBatch(2n, 1n, 'abort'),
      txnBatch(3n, 1n, ['c1']),
      markerBatch(4n, 1n, 'commit'),
    );
    const result = committedRecords(batches, [{ producerId: 1n, firstOffset: 0n }], 0n);
    expect(values(result)).toEqual(['c1']);
    expect(result.nextOffset).toBe(5n);
  });

  it('activates every aborted transaction that began before a batch (kafkajs leaks the second)', async () => {
    // Producers 1 and 2 both begin before the fetched range and both abort; 3 commits.
    const batches = await decode(
      txnBatch(10n, 1n, ['x1']),
      txnBatch(11n, 2n, ['y1']),
      txnBatch(12n, 3n, ['z1']),
      txnBatch(13n, 2n, ['y2']),
      markerBatch(14n, 1n, 'abort'),
      markerBatch(15n, 2n, 'abort'),
      markerBatch(16n, 3n, 'commit'),
    );
    const aborted = [
      { producerId: 2n, firstOffset: 11n },
      { producerId: 1n, firstOffset: 10n },
    ];
    const result = committedRecords(batches, aborted, 10n);
    expect(values(result)).toEqual(['z1']);
    expect(result.nextOffset).toBe(17n);
  });

  it('lets a producer commit after an earlier aborted transaction of its own', async () => {
    const batches = await decode(
      txnBatch(0n, 1n, ['a']),
      markerBatch(1n, 1n, 'abort'),
      txnBatch(2n, 1n, ['b']),
      markerBatch(3n, 1n, 'commit'),
    );
    expect(values(committedRecords(batches, [{ producerId: 1n, firstOffset: 0n }], 0n))).toEqual(['b']);
  });

  it('keeps non-transactional records of the same producer id space and skips records before the fetch offset', async () => {
    const batches = await decode(
      encodeBatch({
        baseOffset: 20n,
        records: [0, 1, 2].map((i) => ({ offsetDelta: i, value: Buffer.from(`n${i}`) })),
      }),
    );
    const result = committedRecords(batches, null, 21n);
    expect(values(result)).toEqual(['n1', 'n2']);
    expect(result.nextOffset).toBe(23n);
  });

  it('moves past zero-record and aborted-only batches, and stays put without batches', async () => {
    const batches = await decode(
      encodeBatch({ baseOffset: 0n, lastOffsetDelta: 9, producerId: 4n, records: [] }),
      txnBatch(10n, 5n, ['gone']),
      markerBatch(11n, 5n, 'abort'),
    );
    const result = committedRecords(batches, [{ producerId: 5n, firstOffset: 10n }], 0n);
    expect(result.records).toEqual([]);
    expect(result.nextOffset).toBe(12n);
    expect(committedRecords([], null, 7n)).toEqual({ records: [], nextOffset: 7n });
  });
});

describe('hideAbortedMessages (kafkajs consumer fetches)', () => {
  const msg = (offset: number, producerId: number, opts: { control?: 'abort' | 'commit'; txn?: boolean } = {}): KafkajsFetchedMessage => ({
    key: opts.control ? Buffer.from([0, 0, 0, opts.control === 'commit' ? 1 : 0]) : null,
    isControlRecord: opts.control !== undefined,
    batchContext: {
      firstOffset: String(offset),
      lastOffsetDelta: 0,
      producerId: String(producerId),
      inTransaction: opts.txn ?? true,
      isControlBatch: opts.control !== undefined,
    },
  });

  it('marks records of every active aborted transaction as control records, leaving others', () => {
    const messages = [msg(2, 2), msg(3, 1), msg(4, 1, { control: 'abort' }), msg(5, 2, { control: 'abort' }), msg(6, 3), msg(7, 3, { control: 'commit' }), msg(8, -1, { txn: false })];
    hideAbortedMessages(messages, [
      { producerId: '1', firstOffset: '0' },
      { producerId: '2', firstOffset: '1' },
    ]);
    expect(messages.map((m) => m.isControlRecord)).toEqual([true, true, true, true, false, true, false]);
  });
});
