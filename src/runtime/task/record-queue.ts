// Kafka: RecordQueue
import type { Record } from '../../processor/record.js';
import type { ConsumedBytes } from './consumed-record.js';
import type { SourceNode } from './source-node.js';

/** A deserialized record with its coordinates, ready to be processed. */
export interface StampedRecord {
  readonly record: Record<unknown, unknown>;
  readonly raw: ConsumedBytes;
}

/**
 * The buffered records of one input partition. Only the head is deserialized (and its
 * timestamp extracted), so a malformed record fails or is skipped when it is reached, in
 * order, as in Kafka.
 */
export class RecordQueue {
  private buffer: ConsumedBytes[] = [];
  private index = 0;
  private headRecord: StampedRecord | null = null;
  /** Highest timestamp taken from this partition, -1 before any. */
  partitionTime = -1;
  /** Offset of the last record taken out of the queue (for commits), or -1n. */
  lastOffset = -1n;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly source: SourceNode,
  ) {}

  get size(): number {
    return this.buffer.length - this.index + (this.headRecord ? 1 : 0);
  }

  isEmpty(): boolean {
    return this.headRecord === null && this.index >= this.buffer.length;
  }

  push(record: ConsumedBytes): void {
    this.buffer.push(record);
  }

  add(records: readonly ConsumedBytes[]): void {
    for (const r of records) this.buffer.push(r);
  }

  /** The next record to process, deserializing buffered records until one is valid. */
  head(): StampedRecord | null {
    while (this.headRecord === null && this.index < this.buffer.length) {
      const raw = this.buffer[this.index]!;
      this.buffer[this.index++] = undefined as unknown as ConsumedBytes;
      if (this.index > 1024 && this.index * 2 > this.buffer.length) {
        this.buffer = this.buffer.slice(this.index);
        this.index = 0;
      }
      this.headRecord = this.source.toRecord(raw, this.partitionTime);
      if (this.headRecord === null) this.lastOffset = raw.offset;
    }
    return this.headRecord;
  }

  /** Removes and returns the head. */
  poll(): StampedRecord | null {
    const head = this.head();
    if (head === null) return null;
    this.headRecord = null;
    if (head.record.timestamp > this.partitionTime) this.partitionTime = head.record.timestamp;
    this.lastOffset = head.raw.offset;
    return head;
  }

  /** Drops everything buffered (a revoked or corrupted task). */
  clear(): void {
    this.buffer = [];
    this.index = 0;
    this.headRecord = null;
  }
}

