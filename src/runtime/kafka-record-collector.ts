import type { Headers } from '../processor/headers.js';
import type { RecordCollector } from './task/record-collector.js';
import { topicPartitionKey } from './task/consumed-record.js';
import type { EngineProducer, FlushResult } from './kafka/engine.js';

/**
 * The record collector of the Kafka runtime: records are buffered in the producer and sent
 * in batches at `flush()` (kafkajs has no linger); acknowledged offsets are remembered per
 * partition for changelog checkpoints.
 */
export class KafkaRecordCollector implements RecordCollector {
  private readonly acked = new Map<string, bigint>();

  constructor(private readonly producer: EngineProducer) {}

  send(topic: string, key: Buffer | null, value: Buffer | null, headers: Headers, timestamp: number, partition: number | null, valueOffset = 0): void {
    this.producer.send({ topic, partition, key, value: valueOffset === 0 || value === null ? value : value.subarray(valueOffset), headers, timestamp });
  }

  partitionsFor(topic: string): number {
    return this.producer.partitionsFor(topic);
  }

  flush(): Promise<void> | null {
    if (this.producer.buffered === 0) return null;
    return this.producer.flush().then((result) => this.noteAcked(result));
  }

  /** Remembers the offsets a flush (or a committed transaction) wrote. */
  noteAcked(result: FlushResult): void {
    for (const [key, ack] of result) this.acked.set(key, ack.lastOffset);
  }

  offsetOf(topic: string, partition: number): bigint | undefined {
    return this.acked.get(topicPartitionKey(topic, partition));
  }

  /** Drops records buffered but not sent (a task closed dirty or a transaction aborted). */
  get buffered(): number {
    return this.producer.buffered;
  }
}
