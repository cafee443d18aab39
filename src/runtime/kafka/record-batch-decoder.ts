// Decodes Kafka record batches (message format v2) from a fetched record set, keeping
// what kafkajs's own decoder loses: every batch, including zero-record batches (the
// position must move past them) and batch boundaries (read_committed filtering works per
// batch), header order, and offsets as bigint.
import { EMPTY_HEADERS, Headers } from '../../processor/headers.js';
import type { ConsumedBytes } from '../task/consumed-record.js';
import { codecFor } from './kafkajs-internals.js';

/** One record batch with its records (control records included). */
export interface DecodedBatch {
  readonly baseOffset: bigint;
  /** Offset of the batch's last record, even if compaction removed it. */
  readonly lastOffset: bigint;
  readonly producerId: bigint;
  readonly isTransactional: boolean;
  readonly isControl: boolean;
  readonly records: ConsumedBytes[];
}

const HEADER_SIZE = 61;
const LOG_OVERHEAD = 12;
const TIMESTAMP_LOG_APPEND = 0x08;
const TRANSACTIONAL = 0x10;
const CONTROL = 0x20;

/** Reads varints and length-prefixed bytes from a buffer. */
class Cursor {
  constructor(
    readonly buf: Buffer,
    public pos: number,
  ) {}

  varInt(): number {
    let value = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.buf[this.pos++]!;
      value |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    return (value >>> 1) ^ -(value & 1);
  }

  /** Zigzag varlong as a number (exact up to 2^53, enough for timestamp deltas). */
  varLong(): number {
    let value = 0;
    let scale = 1;
    let b: number;
    do {
      b = this.buf[this.pos++]!;
      value += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80 && scale < 2 ** 70);
    return value % 2 === 1 ? -(value + 1) / 2 : value / 2;
  }

  bytes(): Buffer | null {
    const length = this.varInt();
    if (length < 0) return null;
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
}

/**
 * Decodes every complete batch in `recordSet`; a partial batch at the end (cut by the
 * fetch's `maxBytes`) is ignored and fetched again from its start next time.
 */
export async function decodeRecordBatches(topic: string, partition: number, recordSet: Buffer): Promise<DecodedBatch[]> {
  const batches: DecodedBatch[] = [];
  let pos = 0;
  while (pos + HEADER_SIZE <= recordSet.length) {
    const size = LOG_OVERHEAD + recordSet.readInt32BE(pos + 8);
    if (pos + size > recordSet.length) break;
    batches.push(await decodeBatch(topic, partition, recordSet.subarray(pos, pos + size)));
    pos += size;
  }
  return batches;
}

async function decodeBatch(topic: string, partition: number, buf: Buffer): Promise<DecodedBatch> {
  const baseOffset = buf.readBigInt64BE(0);
  const magic = buf.readInt8(16);
  if (magic !== 2) {
    throw new Error(`${topic}-${partition} at offset ${baseOffset}: message format v${magic} is not supported (Kafka 4 writes v2).`);
  }
  const attributes = buf.readInt16BE(21);
  const lastOffsetDelta = buf.readInt32BE(23);
  const baseTimestamp = Number(buf.readBigInt64BE(27));
  const maxTimestamp = Number(buf.readBigInt64BE(35));
  const count = buf.readInt32BE(57);
  const codec = codecFor(attributes);
  const body = codec ? await codec.decompress(buf.subarray(HEADER_SIZE)) : buf;
  const cursor = new Cursor(body, codec ? 0 : HEADER_SIZE);
  const logAppendTime = (attributes & TIMESTAMP_LOG_APPEND) !== 0 ? maxTimestamp : null;
  const records: ConsumedBytes[] = new Array(count);
  for (let i = 0; i < count; i++) records[i] = decodeRecord(cursor, topic, partition, baseOffset, baseTimestamp, logAppendTime);
  return {
    baseOffset,
    lastOffset: baseOffset + BigInt(lastOffsetDelta),
    producerId: buf.readBigInt64BE(43),
    isTransactional: (attributes & TRANSACTIONAL) !== 0,
    isControl: (attributes & CONTROL) !== 0,
    records,
  };
}

function decodeRecord(
  c: Cursor,
  topic: string,
  partition: number,
  baseOffset: bigint,
  baseTimestamp: number,
  logAppendTime: number | null,
): ConsumedBytes {
  const length = c.varInt();
  const end = c.pos + length;
  c.pos += 1; // attributes: unused
  const timestampDelta = c.varLong();
  const offsetDelta = c.varInt();
  const key = c.bytes();
  const value = c.bytes();
  const headerCount = c.varInt();
  let headers = EMPTY_HEADERS;
  if (headerCount > 0) {
    headers = new Headers();
    for (let h = 0; h < headerCount; h++) {
      const name = c.bytes()!.toString('utf8');
      headers.add(name, c.bytes());
    }
  }
  c.pos = end;
  return {
    topic,
    partition,
    offset: baseOffset + BigInt(offsetDelta),
    timestamp: logAppendTime ?? baseTimestamp + timestampDelta,
    key,
    value,
    headers,
  };
}
