import type { Headers } from '../processor/headers.js';
import type { Deserializer } from '../serdes/serde.js';
import { isRangeDeserializer } from '../serdes/internal/range-deserializer.js';
import { TestRecord } from './test-record.js';

/** Bytes per arena chunk; a larger record gets a chunk of its own size. */
const CHUNK_BYTES = 64 * 1024;
/** Numbers kept per record in `meta`: chunk, start, key length, value length, timestamp, headers. */
const FIELDS = 6;

/**
 * The records of one output topic that the test has not read yet.
 *
 * Why not an array of records: a test typically pipes many records before reading, and
 * every waiting record object (with its two Buffers and offset) survives young-generation
 * collections and is copied before promotion; for word count through the driver that was
 * a third of the run. Here a waiting record costs the collector nothing: its bytes are
 * copied into shared chunks, its numbers into one Float64Array, and headers are kept once
 * per run of records sharing them (a line's words share the line's headers). Chunks are
 * only appended to, never rewritten, so the Buffers handed out by `read()` (views of a
 * chunk) stay valid; a deserializer such as `Serdes.ByteArray()` returns them as they are.
 */
export class OutputQueue {
  private readonly chunks: Buffer[] = [];
  private used = CHUNK_BYTES;
  private meta = new Float64Array(1024 * FIELDS);
  private readonly headers: (Headers | undefined)[] = [];
  private count = 0;
  private index = 0;

  /** Records not yet read. */
  get size(): number {
    return this.count - this.index;
  }

  push(key: Buffer | null, value: Buffer | null, timestamp: number, headers: Headers): void {
    const keyLength = key === null ? -1 : key.length;
    const valueLength = value === null ? -1 : value.length;
    const bytes = Math.max(keyLength, 0) + Math.max(valueLength, 0);
    if (this.used + bytes > this.currentChunkLength()) {
      this.chunks.push(Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, bytes)));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const start = this.used;
    if (key !== null) copy(key, chunk, start);
    if (value !== null) copy(value, chunk, start + Math.max(keyLength, 0));
    this.used += bytes;
    if (this.headers.at(-1) !== headers) this.headers.push(headers);
    if ((this.count + 1) * FIELDS > this.meta.length) this.grow();
    const m = this.meta;
    const at = this.count++ * FIELDS;
    m[at] = this.chunks.length - 1;
    m[at + 1] = start;
    m[at + 2] = keyLength;
    m[at + 3] = valueLength;
    m[at + 4] = timestamp;
    m[at + 5] = this.headers.length - 1;
  }

  /** Removes the oldest record and decodes it, or returns null when every record was read. */
  read<K, V>(key: FieldDecoder<K>, value: FieldDecoder<V>): TestRecord<K, V> | null {
    if (this.index >= this.count) return null;
    const m = this.meta;
    const at = this.index++ * FIELDS;
    const chunk = this.chunks[m[at]!]!;
    const start = m[at + 1]!;
    const keyLength = m[at + 2]!;
    const valueLength = m[at + 3]!;
    const valueStart = start + Math.max(keyLength, 0);
    const headers = this.headers[m[at + 5]!]!;
    const record = new TestRecord(key(chunk, start, keyLength, headers), value(chunk, valueStart, valueLength, headers), m[at + 4]!, headers);
    if (this.index === this.count) this.clear();
    return record;
  }

  private currentChunkLength(): number {
    return this.chunks.length === 0 ? 0 : this.chunks[this.chunks.length - 1]!.length;
  }

  private grow(): void {
    const meta = new Float64Array(this.meta.length * 2);
    meta.set(this.meta);
    this.meta = meta;
  }

  /** Everything was read: release what the records held (handed-out views keep their chunk). */
  private clear(): void {
    this.chunks.length = 0;
    this.used = CHUNK_BYTES;
    this.headers.length = 0;
    this.count = 0;
    this.index = 0;
  }
}

/** Reads one key or value: `length` bytes at `start` of `chunk` (length -1 = null). */
export type FieldDecoder<T> = (chunk: Buffer, start: number, length: number, headers: Headers) => T | null;

/**
 * The decoder of one output topic's keys or values: built-in deserializers read straight
 * from the chunk (`RangeDeserializer`, decided once here rather than per record); others get
 * a view of it.
 */
export function fieldDecoder<T>(topic: string, deserializer: Deserializer<T>): FieldDecoder<T> {
  if (isRangeDeserializer(deserializer)) {
    return (chunk, start, length, headers) =>
      length < 0 ? deserializer.deserialize(topic, null, headers) : deserializer.deserializeRange(topic, chunk, start, start + length);
  }
  return (chunk, start, length, headers) => deserializer.deserialize(topic, length < 0 ? null : chunk.subarray(start, start + length), headers);
}

/** Bytes copied by a loop rather than `set` (whose call costs more than a short copy). */
const SHORT_COPY = 16;

function copy(source: Buffer, target: Buffer, at: number): void {
  if (source.length > SHORT_COPY) {
    target.set(source, at);
    return;
  }
  for (let i = 0; i < source.length; i++) target[at + i] = source[i]!;
}
