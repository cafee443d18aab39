// Kafka: SourceNode (+ the deserialization step of RecordQueue)
import { Record } from '../../processor/record.js';
import type { Deserializer } from '../../serdes/serde.js';
import { FailOnInvalidTimestamp, type TimestampExtractor } from '../../processor/timestamp-extractor.js';
import { DeserializationError } from '../../errors/deserialization-error.js';
import type { DeserializationHandler } from '../../errors/deserialization-handler.js';
import { RuntimeNode } from './runtime-node.js';
import type { ConsumedBytes } from './consumed-record.js';
import type { StampedRecord } from './record-queue.js';
import type { TaskRuntime } from './task-runtime.js';

/** Turns raw input into records (deserializer, timestamp extractor) and feeds its children. */
export class SourceNode extends RuntimeNode {
  constructor(
    name: string,
    private readonly task: TaskRuntime,
    private readonly keyDeserializer: Deserializer<unknown>,
    private readonly valueDeserializer: Deserializer<unknown>,
    private readonly extractor: TimestampExtractor,
    private readonly onDeserializationError: 'fail' | 'continue' | DeserializationHandler,
  ) {
    super(name);
  }

  /** Deserializes and timestamps `raw`; null when it is skipped (counted). */
  toRecord(raw: ConsumedBytes, partitionTime: number): StampedRecord | null {
    let key: unknown;
    let value: unknown;
    try {
      key = this.keyDeserializer.deserialize(raw.topic, raw.key, raw.headers);
      value = this.valueDeserializer.deserialize(raw.topic, raw.value, raw.headers);
    } catch (error) {
      return this.deserializationFailed(raw, error);
    }
    // The default extractor only reads the record timestamp: skip building its input.
    const timestamp =
      this.extractor === FailOnInvalidTimestamp && raw.timestamp >= 0
        ? raw.timestamp
        : this.extractor({ topic: raw.topic, partition: raw.partition, offset: raw.offset, key, value, timestamp: raw.timestamp }, partitionTime);
    if (!(timestamp >= 0)) {
      this.task.metrics.droppedRecordsTotal++;
      return null;
    }
    return { record: new Record(key, value, timestamp, raw.headers), raw };
  }

  override process(record: Record<unknown, unknown>): void {
    const children = this.children;
    for (let i = 0; i < children.length; i++) children[i]!.process(record);
  }

  private deserializationFailed(raw: ConsumedBytes, error: unknown): null {
    const handler = this.onDeserializationError;
    const verdict =
      typeof handler === 'function' ? handler({ taskId: this.task.taskId, sourceNode: this.name, record: raw, error }) : handler;
    if (verdict === 'continue') {
      this.task.metrics.droppedRecordsTotal++;
      this.task.deadLetter(raw, error);
      return null;
    }
    const cause = error instanceof Error ? error.message : String(error);
    throw new DeserializationError(
      `Deserialization failed in task ${this.task.taskId} for the record at ${raw.topic}-${raw.partition} offset ${raw.offset} ` +
        `(source ${this.name}): ${cause}. Fix the producer or the serde, or set deserializationExceptionHandler: 'continue' to skip such records.`,
      this.task.taskId,
      { topic: raw.topic, partition: raw.partition, offset: raw.offset },
      { cause: error },
    );
  }
}
