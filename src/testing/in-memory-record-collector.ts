import type { Headers } from '../processor/headers.js';
import type { RecordCollector } from '../runtime/task/record-collector.js';
import { topicPartitionKey, type ConsumedBytes } from '../runtime/task/consumed-record.js';

/**
 * The test driver's record collector: every topic has one partition; records get offsets
 * at once and wait in `produced` until the driver takes them.
 */
export class InMemoryRecordCollector implements RecordCollector {
  readonly offsets = new Map<string, bigint>();
  produced: ConsumedBytes[] = [];
  private readonly next = new Map<string, bigint>();

  send(topic: string, key: Buffer | null, value: Buffer | null, headers: Headers, timestamp: number): void {
    const offset = this.nextOffset(topic);
    this.offsets.set(topicPartitionKey(topic, 0), offset);
    this.produced.push({ topic, partition: 0, offset, timestamp, key, value, headers });
  }

  /** Assigns the next offset of `topic` (input records use it too). */
  nextOffset(topic: string): bigint {
    const offset = this.next.get(topic) ?? 0n;
    this.next.set(topic, offset + 1n);
    return offset;
  }

  partitionsFor(): number {
    return 1;
  }

  flush(): null {
    return null;
  }

  /** Takes everything produced since the last call. */
  take(): ConsumedBytes[] {
    const out = this.produced;
    this.produced = [];
    return out;
  }
}
