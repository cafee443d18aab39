// Producing test input and reading output back from the real broker.
import type { IHeaders } from 'kafkajs';
import { kafkaClient, uniqueName } from './kafka.js';

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
  const consumer = kafkaClient().consumer({ groupId: uniqueName('reader'), allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  const records: ReadRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let resolveDone!: () => void;
    const finished = new Promise<void>((r) => (resolveDone = r));
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        records.push({ key: message.key, value: message.value, partition, offset: message.offset, timestamp: message.timestamp });
        if (done(records)) resolveDone();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([finished, new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
    return records;
  } finally {
    await consumer.disconnect();
  }
}

/** Latest value per key, decoding keys as strings. */
export function latestByKey<V>(records: readonly ReadRecord[], decode: (value: Buffer) => V): Map<string, V> {
  const out = new Map<string, V>();
  for (const r of records) if (r.key && r.value) out.set(r.key.toString(), decode(r.value));
  return out;
}
