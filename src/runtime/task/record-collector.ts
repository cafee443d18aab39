import type { Headers } from '../../processor/headers.js';

/**
 * Where a task's output goes: sink records and changelog records. The test driver keeps
 * them in memory; the Kafka runtime batches them into producer sends.
 */
export interface RecordCollector {
  /**
   * Queues one record. `partition` null means: let the partitioner choose (murmur2 of the
   * key bytes, as the Java producer). The record's value is `value` from byte
   * `valueOffset` (default 0) on.
   */
  send(
    topic: string,
    key: Buffer | null,
    value: Buffer | null,
    headers: Headers,
    timestamp: number,
    partition: number | null,
    valueOffset?: number,
  ): void;
  /**
   * @internal Whether `send` is done with the key and value Buffers of records of `topic`
   * when it returns (it copies or drops them), so a sink may pass reusable buffers. The
   * answer for a topic never changes (a sink with a fixed topic asks once).
   */
  copiesAt?(topic: string): boolean;
  /** Number of partitions of a topic (for `StreamPartitioner`s); throws if unknown. */
  partitionsFor(topic: string): number;
  /** Waits until everything sent so far is acknowledged (null when nothing is pending). */
  flush(): Promise<void> | null;
  /** Offset of the last acknowledged record of a partition (changelog offsets for checkpoints). */
  offsetOf(topic: string, partition: number): bigint | undefined;
}
