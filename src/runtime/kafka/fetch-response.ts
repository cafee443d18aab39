// A Fetch v11 response decoder that keeps each partition's raw record set and reports
// partition errors per partition. kafkajs's own decoder flattens all batches into records
// (losing zero-record batches, so a reader's position can stall below the LSO: kafkajs
// issue #1072) and its `parse` throws the first partition error for the whole response.
import type { AbortedTransaction } from './read-committed.js';

/** One partition of a Fetch v11 response. */
export interface FetchedPartition {
  readonly partition: number;
  readonly errorCode: number;
  readonly highWatermark: bigint;
  readonly lastStableOffset: bigint;
  readonly logStartOffset: bigint;
  readonly abortedTransactions: readonly AbortedTransaction[] | null;
  readonly recordSet: Buffer | null;
}

/** A decoded Fetch v11 response. */
export interface FetchResponse {
  readonly errorCode: number;
  /** Read by kafkajs's connection to honour broker throttling (KIP-219). */
  readonly clientSideThrottleTime: number;
  readonly topics: ReadonlyArray<{ readonly topic: string; readonly partitions: readonly FetchedPartition[] }>;
}

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  int16(): number {
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  int32(): number {
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  int64(): bigint {
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }
  string(): string {
    const length = this.int16();
    const v = this.buf.toString('utf8', this.pos, this.pos + length);
    this.pos += length;
    return v;
  }
  array<T>(item: () => T): T[] | null {
    const n = this.int32();
    if (n < 0) return null;
    const out: T[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = item();
    return out;
  }
}

function partitionOf(r: Reader): FetchedPartition {
  const partition = r.int32();
  const errorCode = r.int16();
  const highWatermark = r.int64();
  const lastStableOffset = r.int64();
  const logStartOffset = r.int64();
  const abortedTransactions = r.array(() => ({ producerId: r.int64(), firstOffset: r.int64() }));
  r.int32(); // preferred read replica
  const size = r.int32();
  const recordSet = size < 0 ? null : r.buf.subarray(r.pos, Math.min(r.pos + size, r.buf.length));
  r.pos += Math.max(size, 0);
  return { partition, errorCode, highWatermark, lastStableOffset, logStartOffset, abortedTransactions, recordSet };
}

/** Decodes the body of a Fetch v11 response (after the correlation id). */
export function decodeFetchV11(raw: Buffer): FetchResponse {
  const r = new Reader(raw);
  const clientSideThrottleTime = r.int32();
  const errorCode = r.int16();
  r.int32(); // session id
  const topics = r.array(() => ({ topic: r.string(), partitions: r.array(() => partitionOf(r)) ?? [] })) ?? [];
  return { errorCode, clientSideThrottleTime, topics };
}

/** The `response` half of a kafkajs protocol request, using `decodeFetchV11` and no `parse` errors. */
export const fetchV11Response = {
  decode: (raw: Buffer): Promise<FetchResponse> => Promise.resolve(decodeFetchV11(raw)),
  parse: (decoded: FetchResponse): Promise<FetchResponse> => Promise.resolve(decoded),
};
