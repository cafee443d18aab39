import type { Headers } from '../processor/headers.js';
import type { RecordCollector } from '../runtime/task/record-collector.js';
import type { ConsumedBytes } from '../runtime/task/consumed-record.js';

/**
 * The test driver's record collector: every topic has one partition; records get offsets
 * at once and wait until the driver drains them.
 */
export class InMemoryRecordCollector implements RecordCollector {
  /**
   * Records not yet drained: `produced[0, count)`. The array is reused: the driver drains
   * after every record, and a fresh array per drain would be grown again by the next sends.
   */
  private readonly produced: (ConsumedBytes | undefined)[] = [];
  count = 0;
  /** Next offset per topic (a number: cheaper per record than a Map of bigints). */
  private readonly nextByTopic = new Map<string, { next: number }>();

  send(topic: string, key: Buffer | null, value: Buffer | null, headers: Headers, timestamp: number): void {
    this.produced[this.count++] = { topic, partition: 0, offset: this.nextOffset(topic), timestamp, key, value, headers };
  }

  /** Assigns the next offset of `topic` (input records use it too). */
  nextOffset(topic: string): bigint {
    let counter = this.nextByTopic.get(topic);
    if (counter === undefined) this.nextByTopic.set(topic, (counter = { next: 0 }));
    return BigInt(counter.next++);
  }

  offsetOf(topic: string): bigint | undefined {
    const c = this.nextByTopic.get(topic);
    return c === undefined || c.next === 0 ? undefined : BigInt(c.next - 1);
  }

  partitionsFor(): number {
    return 1;
  }

  flush(): null {
    return null;
  }

  /** Hands every record produced since the last drain to `visit`, oldest first (records sent meanwhile too). */
  drain(visit: (record: ConsumedBytes) => void): void {
    const produced = this.produced;
    for (let i = 0; i < this.count; i++) {
      const record = produced[i]!;
      produced[i] = undefined;
      visit(record);
    }
    this.count = 0;
  }
}
