import type { Headers } from '../../processor/headers.js';

/** A record as read from a topic: raw bytes and coordinates. */
export interface ConsumedBytes {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly timestamp: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Headers;
}

/** `topic-partition`, the key of per-partition maps. */
export function topicPartitionKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}
