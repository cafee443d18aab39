import { StreamsError } from '../errors/streams-error.js';

/** The record a timestamp extractor sees (already deserialized). */
export interface ConsumedRecord<K = unknown, V = unknown> {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly key: K;
  readonly value: V;
  /** The timestamp stored in the Kafka record. */
  readonly timestamp: number;
}

/**
 * Picks a record's event time (epoch ms). `partitionTime` is the highest timestamp seen on
 * the record's partition so far (-1 before any). A negative result drops the record.
 */
export type TimestampExtractor = (record: ConsumedRecord, partitionTime: number) => number;

/** The default: the Kafka record timestamp; a negative one fails the task (Java's `FailOnInvalidTimestamp`). */
export const FailOnInvalidTimestamp: TimestampExtractor = (record) => {
  if (record.timestamp < 0) {
    throw new StreamsError(
      `Input record on ${record.topic}-${record.partition} at offset ${record.offset} has an invalid (negative) timestamp ` +
        `${record.timestamp}. Fix the producer, or configure another timestamp extractor ` +
        '(LogAndSkipOnInvalidTimestamp, UsePartitionTimeOnInvalidTimestamp, WallclockTimestampExtractor).',
    );
  }
  return record.timestamp;
};

/** The Kafka record timestamp; a negative one skips the record (counted). */
export const LogAndSkipOnInvalidTimestamp: TimestampExtractor = (record) => record.timestamp;

/** The Kafka record timestamp; a negative one is replaced by the partition time (or fails if none yet). */
export const UsePartitionTimeOnInvalidTimestamp: TimestampExtractor = (record, partitionTime) => {
  if (record.timestamp >= 0) return record.timestamp;
  if (partitionTime < 0) {
    throw new StreamsError(
      `Input record on ${record.topic}-${record.partition} at offset ${record.offset} has an invalid timestamp ` +
        `${record.timestamp} and there is no partition time yet to use instead.`,
    );
  }
  return partitionTime;
};

/** Processing time: the wall clock when the record is read. */
export const WallclockTimestampExtractor: TimestampExtractor = () => Date.now();
