// Buffers produced records per partition until a flush (kafkajs has no linger: each
// sendBatch call is one Produce request per broker), then sends them in rounds that keep
// every partition's share of a request under `maxBatchBytes` (kafkajs puts a partition's
// messages in one record batch, which the broker rejects above `message.max.bytes`).
import type { IHeaders, Message, RecordMetadata } from 'kafkajs';
import type { Headers } from '../../processor/headers.js';
import { partitionForKey } from './default-partitioner.js';
import type { AckedRange, FlushResult, PartitionAck, ProducerRecord } from './engine.js';
import { topicPartitionKey } from './topic-partitions.js';

/** Sends one round: kafkajs's `sendBatch` of a producer or a transaction. */
export type SendBatch = (topicMessages: Array<{ topic: string; messages: Message[] }>) => Promise<RecordMetadata[]>;

/** Loads partition counts of topics (throws when one does not exist). */
export type LoadPartitionCounts = (topics: readonly string[]) => Promise<ReadonlyMap<string, number>>;

interface PartitionBuffer {
  readonly topic: string;
  readonly partition: number;
  readonly messages: Message[];
  readonly sizes: number[];
}

/** Default upper bound of one partition's records in one Produce request (under 1 MiB `message.max.bytes`). */
export const DEFAULT_MAX_BATCH_BYTES = 900 * 1024;

/** Per-partition record buffers of one producer. */
export class RecordBatcher {
  private partitions = new Map<string, PartitionBuffer>();
  /** Records of topics whose partition count is unknown, in send order (partitioned at flush). */
  private unresolved = new Map<string, ProducerRecord[]>();
  private readonly counts = new Map<string, number>();
  private readonly roundRobin = new Map<string, number>();
  private count = 0;

  constructor(private readonly maxBatchBytes = DEFAULT_MAX_BATCH_BYTES) {}

  get buffered(): number {
    return this.count;
  }

  partitionCount(topic: string): number | undefined {
    return this.counts.get(topic);
  }

  setPartitionCounts(counts: ReadonlyMap<string, number>): void {
    for (const [topic, n] of counts) this.counts.set(topic, n);
  }

  add(record: ProducerRecord): void {
    const pending = this.unresolved.get(record.topic);
    const n = this.counts.get(record.topic);
    if (pending) pending.push(record);
    else if (n === undefined) this.unresolved.set(record.topic, [record]);
    else this.place(record, n);
    this.count++;
  }

  /** Drops everything buffered (an aborted transaction). */
  clear(): void {
    this.partitions = new Map();
    this.unresolved = new Map();
    this.count = 0;
  }

  /** Sends everything buffered in rounds; resolves with the broker's offsets per partition. */
  async flush(send: SendBatch, load: LoadPartitionCounts): Promise<FlushResult> {
    if (this.unresolved.size > 0) {
      this.setPartitionCounts(await load([...this.unresolved.keys()]));
      const unresolved = this.unresolved;
      this.unresolved = new Map();
      for (const [topic, records] of unresolved) for (const r of records) this.place(r, this.counts.get(topic)!);
    }
    const buffers = [...this.partitions.values()];
    this.partitions = new Map();
    this.count = 0;
    const acks = new Map<string, { topic: string; partition: number; ranges: AckedRange[] }>();
    const next = buffers.map(() => 0);
    for (;;) {
      const round = this.round(buffers, next);
      if (round.length === 0) break;
      await this.sendRound(send, round, acks);
    }
    return finish(acks);
  }

  private place(record: ProducerRecord, numPartitions: number): void {
    const partition = this.partitionOf(record, numPartitions);
    const key = topicPartitionKey(record.topic, partition);
    let buffer = this.partitions.get(key);
    if (!buffer) this.partitions.set(key, (buffer = { topic: record.topic, partition, messages: [], sizes: [] }));
    buffer.messages.push({
      key: record.key,
      value: record.value,
      partition,
      timestamp: String(record.timestamp),
      headers: toKafkajsHeaders(record.headers),
    });
    buffer.sizes.push(sizeOf(record));
  }

  private partitionOf(record: ProducerRecord, numPartitions: number): number {
    const { topic, partition, key } = record;
    if (partition !== null) {
      if (!Number.isInteger(partition) || partition < 0 || partition >= numPartitions) {
        throw new RangeError(`Partition ${partition} of topic '${topic}' does not exist (it has ${numPartitions}).`);
      }
      return partition;
    }
    if (key !== null) return partitionForKey(key, numPartitions);
    const n = (this.roundRobin.get(topic) ?? -1) + 1;
    this.roundRobin.set(topic, n);
    return n % numPartitions;
  }

  /** The next slice of each partition's buffer, each at most `maxBatchBytes` (one record at least). */
  private round(buffers: readonly PartitionBuffer[], next: number[]): Array<{ buffer: PartitionBuffer; messages: Message[] }> {
    const round: Array<{ buffer: PartitionBuffer; messages: Message[] }> = [];
    buffers.forEach((buffer, i) => {
      const start = next[i]!;
      let end = start;
      let bytes = 0;
      while (end < buffer.messages.length && (end === start || bytes + buffer.sizes[end]! <= this.maxBatchBytes)) bytes += buffer.sizes[end++]!;
      if (end > start) round.push({ buffer, messages: buffer.messages.slice(start, end) });
      next[i] = end;
    });
    return round;
  }

  private async sendRound(
    send: SendBatch,
    round: ReadonlyArray<{ buffer: PartitionBuffer; messages: Message[] }>,
    acks: Map<string, { topic: string; partition: number; ranges: AckedRange[] }>,
  ): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const { buffer, messages } of round) {
      const list = byTopic.get(buffer.topic) ?? [];
      byTopic.set(buffer.topic, list);
      list.push(...messages);
    }
    const metadata = await send([...byTopic].map(([topic, messages]) => ({ topic, messages })));
    const baseOffsets = new Map(metadata.map((m) => [topicPartitionKey(m.topicName, m.partition), m.baseOffset]));
    for (const { buffer, messages } of round) {
      const key = topicPartitionKey(buffer.topic, buffer.partition);
      const base = baseOffsets.get(key);
      if (base === undefined) throw new Error(`The broker acknowledged no offsets for ${key}.`);
      let ack = acks.get(key);
      if (!ack) acks.set(key, (ack = { topic: buffer.topic, partition: buffer.partition, ranges: [] }));
      ack.ranges.push({ baseOffset: BigInt(base!), count: messages.length });
    }
  }
}

function finish(acks: Map<string, { topic: string; partition: number; ranges: AckedRange[] }>): FlushResult {
  const out = new Map<string, PartitionAck>();
  for (const [key, a] of acks) {
    const last = a.ranges[a.ranges.length - 1]!;
    out.set(key, { ...a, lastOffset: last.baseOffset + BigInt(last.count - 1) });
  }
  return out;
}

/** The offset of the i-th record a flush sent to one partition. */
export function offsetAt(ack: PartitionAck, index: number): bigint {
  let i = index;
  for (const range of ack.ranges) {
    if (i < range.count) return range.baseOffset + BigInt(i);
    i -= range.count;
  }
  throw new RangeError(`Record ${index} was not sent to ${ack.topic}-${ack.partition} in this flush.`);
}

function sizeOf(record: ProducerRecord): number {
  let size = 24 + (record.key?.length ?? 0) + (record.value?.length ?? 0);
  for (const h of record.headers) size += 8 + h.key.length + (h.value?.length ?? 0);
  return size;
}

/**
 * kafkajs headers: an object, repeated keys as arrays. A null header value is sent as an
 * empty buffer: kafkajs 2.2.4 cannot encode null header values (Buffer.byteLength(null)).
 */
function toKafkajsHeaders(headers: Headers): IHeaders | undefined {
  if (headers.size === 0) return undefined;
  const out: Record<string, Buffer | Buffer[]> = {};
  for (const { key, value } of headers) {
    const v = value ?? Buffer.alloc(0);
    const prev = out[key];
    out[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
