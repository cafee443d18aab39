import { describe, expect, it } from 'vitest';
import { decodeFetchV11 } from '../../../src/runtime/kafka/fetch-response.js';
import { encodeBatch } from './batch-fixtures.js';

const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(n);
  return b;
};
const str = (s: string) => Buffer.concat([int16(Buffer.byteLength(s)), Buffer.from(s)]);

function partition(p: {
  partition: number;
  errorCode?: number;
  hw: bigint;
  lso: bigint;
  aborted: Array<[bigint, bigint]> | null;
  records: Buffer | null;
}): Buffer {
  return Buffer.concat([
    int32(p.partition),
    int16(p.errorCode ?? 0),
    int64(p.hw),
    int64(p.lso),
    int64(0n),
    p.aborted === null ? int32(-1) : Buffer.concat([int32(p.aborted.length), ...p.aborted.flatMap(([pid, first]) => [int64(pid), int64(first)])]),
    int32(-1),
    p.records === null ? int32(-1) : Buffer.concat([int32(p.records.length), p.records]),
  ]);
}

describe('decodeFetchV11', () => {
  it('decodes partitions with their offsets, aborted transactions and raw record sets', () => {
    const records = encodeBatch({ baseOffset: 7n, records: [{ offsetDelta: 0, value: Buffer.from('x') }] });
    const raw = Buffer.concat([
      int32(25), // throttle time
      int16(0),
      int32(0), // session id
      int32(1),
      str('topic-a'),
      int32(2),
      partition({ partition: 0, hw: 10n, lso: 8n, aborted: [[3n, 5n]], records }),
      partition({ partition: 1, errorCode: 1, hw: -1n, lso: -1n, aborted: null, records: null }),
    ]);
    const decoded = decodeFetchV11(raw);
    expect(decoded.clientSideThrottleTime).toBe(25);
    expect(decoded.errorCode).toBe(0);
    const [p0, p1] = decoded.topics[0]!.partitions;
    expect(decoded.topics[0]!.topic).toBe('topic-a');
    expect(p0).toMatchObject({ partition: 0, errorCode: 0, highWatermark: 10n, lastStableOffset: 8n, abortedTransactions: [{ producerId: 3n, firstOffset: 5n }] });
    expect(p0!.recordSet!.equals(records)).toBe(true);
    expect(p1).toMatchObject({ partition: 1, errorCode: 1, abortedTransactions: null, recordSet: null });
  });
});
