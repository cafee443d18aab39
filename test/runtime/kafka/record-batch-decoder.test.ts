import { describe, expect, it } from 'vitest';
import { decodeRecordBatches } from '../../../src/runtime/kafka/record-batch-decoder.js';
import { encodeBatch, markerBatch } from './batch-fixtures.js';

describe('decodeRecordBatches', () => {
  it('decodes records with offsets, timestamps, keys, values and ordered headers', async () => {
    const set = encodeBatch({
      baseOffset: 40n,
      baseTimestamp: 1_700_000_000_000,
      records: [
        { offsetDelta: 0, timestampDelta: 0, key: Buffer.from('k1'), value: Buffer.from('v1') },
        {
          offsetDelta: 1,
          timestampDelta: -5,
          key: null,
          value: null,
          headers: [
            ['b', Buffer.from('1')],
            ['a', null],
            ['b', Buffer.from('2')],
          ],
        },
        { offsetDelta: 2, timestampDelta: 2 ** 40, value: Buffer.alloc(300, 7) },
      ],
    });
    const [batch] = await decodeRecordBatches('t', 3, set);
    expect(batch).toMatchObject({ baseOffset: 40n, lastOffset: 42n, producerId: -1n, isTransactional: false, isControl: false });
    const [r0, r1, r2] = batch!.records;
    expect(r0).toMatchObject({ topic: 't', partition: 3, offset: 40n, timestamp: 1_700_000_000_000, key: Buffer.from('k1'), value: Buffer.from('v1') });
    expect(r0!.headers.size).toBe(0);
    expect(r1).toMatchObject({ offset: 41n, timestamp: 1_699_999_999_995, key: null, value: null });
    expect(r1!.headers.toArray()).toEqual([
      { key: 'b', value: Buffer.from('1') },
      { key: 'a', value: null },
      { key: 'b', value: Buffer.from('2') },
    ]);
    expect(r2).toMatchObject({ offset: 42n, timestamp: 1_700_000_000_000 + 2 ** 40 });
    expect(r2!.value!.length).toBe(300);
  });

  it('keeps zero-record batches, so the position can move past them', async () => {
    const set = Buffer.concat([
      encodeBatch({ baseOffset: 0n, lastOffsetDelta: 4, producerId: 9n, records: [] }),
      encodeBatch({ baseOffset: 5n, records: [{ offsetDelta: 0, value: Buffer.from('x') }] }),
    ]);
    const batches = await decodeRecordBatches('t', 0, set);
    expect(batches.map((b) => [b.baseOffset, b.lastOffset, b.records.length])).toEqual([
      [0n, 4n, 0],
      [5n, 5n, 1],
    ]);
  });

  it('decodes gzip batches, log-append time, and control batches', async () => {
    const set = Buffer.concat([
      encodeBatch({
        baseOffset: 10n,
        gzip: true,
        logAppendTime: true,
        baseTimestamp: 5,
        maxTimestamp: 99,
        records: [
          { offsetDelta: 0, value: Buffer.from('a') },
          { offsetDelta: 1, timestampDelta: 3, value: Buffer.from('b') },
        ],
      }),
      markerBatch(12n, 7n, 'commit'),
    ]);
    const [data, marker] = await decodeRecordBatches('t', 0, set);
    expect(data!.records.map((r) => [r.offset, r.timestamp, r.value!.toString()])).toEqual([
      [10n, 99, 'a'],
      [11n, 99, 'b'],
    ]);
    expect(marker).toMatchObject({ baseOffset: 12n, lastOffset: 12n, producerId: 7n, isTransactional: true, isControl: true });
  });

  it('ignores a partial batch at the end of the record set (cut by maxBytes)', async () => {
    const whole = encodeBatch({ baseOffset: 0n, records: [{ offsetDelta: 0, value: Buffer.from('a') }] });
    const cut = encodeBatch({ baseOffset: 1n, records: [{ offsetDelta: 0, value: Buffer.alloc(100) }] }).subarray(0, 70);
    const batches = await decodeRecordBatches('t', 0, Buffer.concat([whole, cut]));
    expect(batches.map((b) => b.baseOffset)).toEqual([0n]);
    expect(await decodeRecordBatches('t', 0, Buffer.alloc(0))).toEqual([]);
  });

  it('rejects old message formats with a clear error', async () => {
    const set = encodeBatch({ baseOffset: 0n, records: [{ offsetDelta: 0 }] });
    set.writeInt8(1, 16);
    await expect(decodeRecordBatches('t', 0, set)).rejects.toThrow(/message format v1 is not supported/);
  });
});
