// Hand-built Kafka record batches (message format v2) for decoder and filter tests.
import { gzipSync } from 'node:zlib';

export interface FixtureRecord {
  readonly offsetDelta: number;
  readonly timestampDelta?: number;
  readonly key?: Buffer | null;
  readonly value?: Buffer | null;
  readonly headers?: ReadonlyArray<readonly [string, Buffer | null]>;
}

export interface FixtureBatch {
  readonly baseOffset: bigint;
  readonly lastOffsetDelta?: number;
  readonly baseTimestamp?: number;
  readonly maxTimestamp?: number;
  readonly producerId?: bigint;
  readonly transactional?: boolean;
  readonly control?: boolean;
  readonly logAppendTime?: boolean;
  readonly gzip?: boolean;
  readonly records: readonly FixtureRecord[];
}

function varInt(n: number): Buffer {
  let v = ((n << 1) ^ (n >> 31)) >>> 0;
  const out: number[] = [];
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return Buffer.from(out);
}

function varLong(n: number): Buffer {
  let v = BigInt(n) >= 0n ? BigInt(n) * 2n : -BigInt(n) * 2n - 1n;
  const out: number[] = [];
  while (v > 0x7fn) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}

function bytes(b: Buffer | null | undefined): Buffer {
  return b == null ? varInt(-1) : Buffer.concat([varInt(b.length), b]);
}

function record(r: FixtureRecord): Buffer {
  const headers = r.headers ?? [];
  const body = Buffer.concat([
    Buffer.from([0]),
    varLong(r.timestampDelta ?? 0),
    varInt(r.offsetDelta),
    bytes(r.key),
    bytes(r.value),
    varInt(headers.length),
    ...headers.map(([k, v]) => Buffer.concat([bytes(Buffer.from(k)), bytes(v)])),
  ]);
  return Buffer.concat([varInt(body.length), body]);
}

/** Encodes one batch (CRC left 0: the decoder does not check it, as kafkajs does not). */
export function encodeBatch(b: FixtureBatch): Buffer {
  const raw = Buffer.concat(b.records.map(record));
  const recordsPart = b.gzip ? gzipSync(raw) : raw;
  const header = Buffer.alloc(61);
  let attributes = b.gzip ? 1 : 0;
  if (b.logAppendTime) attributes |= 0x08;
  if (b.transactional) attributes |= 0x10;
  if (b.control) attributes |= 0x20;
  const lastOffsetDelta = b.lastOffsetDelta ?? Math.max(0, ...b.records.map((r) => r.offsetDelta));
  header.writeBigInt64BE(b.baseOffset, 0);
  header.writeInt32BE(61 - 12 + recordsPart.length, 8);
  header.writeInt32BE(0, 12);
  header.writeInt8(2, 16);
  header.writeUInt32BE(0, 17);
  header.writeInt16BE(attributes, 21);
  header.writeInt32BE(lastOffsetDelta, 23);
  header.writeBigInt64BE(BigInt(b.baseTimestamp ?? 1000), 27);
  header.writeBigInt64BE(BigInt(b.maxTimestamp ?? b.baseTimestamp ?? 1000), 35);
  header.writeBigInt64BE(b.producerId ?? -1n, 43);
  header.writeInt16BE(0, 51);
  header.writeInt32BE(-1, 53);
  header.writeInt32BE(b.records.length, 57);
  return Buffer.concat([header, recordsPart]);
}

/** A control batch with one COMMIT (1) or ABORT (0) marker. */
export function markerBatch(offset: bigint, producerId: bigint, type: 'commit' | 'abort'): Buffer {
  const key = Buffer.alloc(4);
  key.writeInt16BE(0, 0);
  key.writeInt16BE(type === 'commit' ? 1 : 0, 2);
  const value = Buffer.alloc(6);
  return encodeBatch({ baseOffset: offset, producerId, transactional: true, control: true, records: [{ offsetDelta: 0, key, value }] });
}

/** A transactional data batch of `count` records valued `${prefix}${i}`. */
export function txnBatch(offset: bigint, producerId: bigint, values: readonly string[]): Buffer {
  return encodeBatch({
    baseOffset: offset,
    producerId,
    transactional: true,
    records: values.map((v, i) => ({ offsetDelta: i, value: Buffer.from(v) })),
  });
}
