// Kafka: BufferValue + ProcessorRecordContext.serialize (the suppression buffer's changelog format, version 3)
import { Headers } from '../../processor/headers.js';
import { ProcessorStateError } from '../../errors/processor-state-error.js';
import { readLong, writeLong } from '../../serdes/internal/long-bytes.js';
import type { RecordContext } from '../state-store-context.js';

const NULL_VALUE = -1;
const OLD_IS_PRIOR = -2;

/**
 * What the suppression buffer keeps per key: the value the key had before it was first
 * buffered (`prior`), the latest change's old and new value (serialized), and the context of
 * the record that made the change (its timestamp and headers go out with the emitted record).
 */
export interface BufferValue {
  readonly prior: Buffer | null;
  readonly old: Buffer | null;
  readonly new: Buffer | null;
  readonly context: RecordContext;
}

/** Bytes the buffer counts against `maxBytes` for one entry (Java's estimate). */
export function bufferEntrySize(key: Buffer, value: BufferValue): number {
  let size = 8 + key.length;
  size += value.prior?.length ?? 0;
  if (value.old !== null && !sameBytes(value.old, value.prior)) size += value.old.length;
  size += value.new?.length ?? 0;
  size += 8 + 8 + 4 + (value.context.topic?.length ?? 0);
  for (const h of value.context.headers) size += h.key.length + (h.value?.length ?? 0);
  return size;
}

/**
 * The changelog value (with header `v` = 3): record context, prior, old (or "same as
 * prior"), new, then the 8-byte buffer time. Byte-compatible with Java's, so a Java or
 * TypeScript instance can restore the other's buffer.
 */
export function serializeBufferValue(value: BufferValue, bufferTime: number): Buffer {
  const parts: Buffer[] = [serializeContext(value.context), sizePrefixed(value.prior)];
  if (value.old === null) parts.push(int(NULL_VALUE));
  else if (sameBytes(value.old, value.prior)) parts.push(int(OLD_IS_PRIOR));
  else parts.push(int(value.old.length), value.old);
  parts.push(sizePrefixed(value.new));
  const time = Buffer.allocUnsafe(8);
  writeLong(time, 0, bufferTime);
  parts.push(time);
  return Buffer.concat(parts);
}

/** Reads a version-3 changelog value back: the entry and its buffer time. */
export function deserializeBufferValue(data: Buffer): { value: BufferValue; time: number } {
  const reader = new Reader(data);
  const context = readContext(reader);
  const prior = reader.nullableArray(reader.int());
  const oldLength = reader.int();
  const old = oldLength === OLD_IS_PRIOR ? prior : reader.nullableArray(oldLength);
  const newValue = reader.nullableArray(reader.int());
  const time = reader.long();
  return { value: { prior, old, new: newValue, context }, time };
}

function serializeContext(c: RecordContext): Buffer {
  const topic = Buffer.from(c.topic ?? '', 'utf8');
  const parts: Buffer[] = [];
  const head = Buffer.allocUnsafe(20);
  writeLong(head, 0, c.timestamp);
  head.writeBigInt64BE(c.offset, 8);
  head.writeInt32BE(topic.length, 16);
  parts.push(head, topic, int(c.partition));
  const headers = [...c.headers];
  parts.push(int(headers.length));
  for (const h of headers) {
    const key = Buffer.from(h.key, 'utf8');
    parts.push(int(key.length), key, sizePrefixed(h.value));
  }
  return Buffer.concat(parts);
}

function readContext(reader: Reader): RecordContext {
  const timestamp = reader.long();
  const offset = reader.bigLong();
  const topic = reader.nullableArray(reader.int());
  const partition = reader.int();
  const count = reader.int();
  const headers = new Headers();
  for (let i = 0; i < count; i++) {
    const key = reader.nullableArray(reader.int());
    headers.add(key === null ? '' : key.toString('utf8'), reader.nullableArray(reader.int()));
  }
  return { timestamp, offset, topic: topic === null ? null : topic.toString('utf8'), partition, headers };
}

function int(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeInt32BE(n, 0);
  return b;
}

function sizePrefixed(value: Buffer | null): Buffer {
  return value === null ? int(NULL_VALUE) : Buffer.concat([int(value.length), value]);
}

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  return a === b || (a !== null && b !== null && a.equals(b));
}

class Reader {
  private pos = 0;

  constructor(private readonly data: Buffer) {}

  int(): number {
    this.need(4);
    const n = this.data.readInt32BE(this.pos);
    this.pos += 4;
    return n;
  }

  long(): number {
    this.need(8);
    const n = readLong(this.data, this.pos);
    this.pos += 8;
    return n;
  }

  bigLong(): bigint {
    this.need(8);
    const n = this.data.readBigInt64BE(this.pos);
    this.pos += 8;
    return n;
  }

  nullableArray(length: number): Buffer | null {
    if (length < 0) return null;
    this.need(length);
    const out = Buffer.from(this.data.subarray(this.pos, this.pos + length));
    this.pos += length;
    return out;
  }

  private need(n: number): void {
    if (this.pos + n > this.data.length) {
      throw new ProcessorStateError('A suppression buffer changelog record is truncated (expected the version-3 format).');
    }
  }
}
