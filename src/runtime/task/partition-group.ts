// Kafka: PartitionGroup
import type { RecordQueue, StampedRecord } from './record-queue.js';

/**
 * A task's input partitions. Always hands out the buffered record with the smallest
 * timestamp across partitions; stream time is the largest timestamp handed out so far
 * (-1 before any) and never decreases.
 */
export class PartitionGroup {
  readonly queues: RecordQueue[] = [];
  private readonly byTopic = new Map<string, RecordQueue[]>();
  streamTime = -1;
  private idleSince = -1;

  constructor(private readonly maxTaskIdleMs: number) {}

  addQueue(queue: RecordQueue): void {
    let partitions = this.byTopic.get(queue.topic);
    if (!partitions) this.byTopic.set(queue.topic, (partitions = []));
    partitions[queue.partition] = queue;
    this.queues.push(queue);
  }

  queue(topic: string, partition: number): RecordQueue | undefined {
    return this.byTopic.get(topic)?.[partition];
  }

  /** Records buffered across partitions. */
  get size(): number {
    let n = 0;
    for (const q of this.queues) n += q.size;
    return n;
  }

  /**
   * Whether the task may process now: every partition has data, or waiting is disabled
   * (`maxTaskIdleMs` -1), or some partitions have been empty for `maxTaskIdleMs`.
   */
  readyToProcess(nowMs: number): boolean {
    let empty = 0;
    let nonEmpty = 0;
    for (const q of this.queues) {
      if (q.head() === null) empty++;
      else nonEmpty++;
    }
    if (nonEmpty === 0) return false;
    if (empty === 0 || this.maxTaskIdleMs < 0) {
      this.idleSince = -1;
      return true;
    }
    if (this.idleSince < 0) this.idleSince = nowMs;
    return nowMs - this.idleSince >= this.maxTaskIdleMs;
  }

  /** Takes the record with the smallest head timestamp, or null when all are empty. */
  nextRecord(): StampedRecord | null {
    let best: RecordQueue | null = null;
    let bestTs = Infinity;
    for (let i = 0; i < this.queues.length; i++) {
      const q = this.queues[i]!;
      const head = q.head();
      if (head !== null && head.record.timestamp < bestTs) {
        best = q;
        bestTs = head.record.timestamp;
      }
    }
    if (best === null) return null;
    const rec = best.poll()!;
    if (rec.record.timestamp > this.streamTime) this.streamTime = rec.record.timestamp;
    return rec;
  }

  clear(): void {
    for (const q of this.queues) q.clear();
  }
}
