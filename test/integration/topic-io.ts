// Producing test input and reading output back from the real broker.
import type { IHeaders } from 'kafkajs';
import type { ConsumedBytes } from '../../src/runtime/task/consumed-record.js';
import { Serdes, WindowedSerdes } from '../../src/index.js';
import { kafkaClient } from './kafka.js';
import { scanTopic } from './topic-scan.js';

/** Produces records (values as Buffers or strings) and waits for the acks. */
export async function produce(topic: string, records: readonly { key: string | Buffer | null; value: string | Buffer | null; partition?: number; timestamp?: number; headers?: IHeaders }[]): Promise<void> {
  const producer = kafkaClient().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let i = 0; i < records.length; i += 5000) {
      await producer.send({
        topic,
        messages: records.slice(i, i + 5000).map((r) => ({
          key: r.key,
          value: r.value,
          partition: r.partition,
          timestamp: r.timestamp === undefined ? undefined : String(r.timestamp),
          headers: r.headers,
        })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

/** One record read back. */
export interface ReadRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: string;
}

/**
 * Reads `topic` from the beginning (read_committed) until `done(records)` is true or
 * `timeoutMs` passes; returns everything read.
 */
export async function readUntil(topic: string, done: (records: ReadRecord[]) => boolean, timeoutMs = 30_000): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  await scanTopic(
    topic,
    (batch) => {
      for (const r of batch) records.push(toReadRecord(r));
      return done(records);
    },
    timeoutMs,
  );
  return records;
}

/** A record read by `scanTopic`, with kafkajs's string offsets and timestamps. */
export function toReadRecord(r: ConsumedBytes): ReadRecord {
  return { key: r.key, value: r.value, partition: r.partition, offset: String(r.offset), timestamp: String(r.timestamp) };
}

/** Latest value per key, decoding keys as strings. */
export function latestByKey<V>(records: readonly ReadRecord[], decode: (value: Buffer) => V): Map<string, V> {
  const out = new Map<string, V>();
  for (const r of records) if (r.key && r.value) out.set(r.key.toString(), decode(r.value));
  return out;
}

/**
 * `key@window-start-minus-base=count` of a windowed count read back: String keys in time
 * windows (`WindowedSerdes.timeWindowedSerdeFrom(String, sizeMs)`), Long counts.
 */
export function describeWindowedCount(r: ReadRecord, sizeMs: number, base: number): string {
  const k = WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), sizeMs).deserializer().deserialize('out', r.key)!;
  return `${k.key}@${k.window.start - base}=${Number(r.value!.readBigInt64BE(0))}`;
}
