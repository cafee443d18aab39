// Kafka: SinkNode
import type { Record } from '../../processor/record.js';
import type { Serializer } from '../../serdes/serde.js';
import type { StreamPartitioner } from '../../processor/stream-partitioner.js';
import type { TopicNameExtractor } from '../../processor/topic-name-extractor.js';
import { SerializationError } from '../../errors/serialization-error.js';
import { asScratchSerializer, type ScratchSerializer } from '../../serdes/internal/scratch-serializer.js';
import { RuntimeNode } from './runtime-node.js';
import type { TaskRuntime } from './task-runtime.js';

/** Serializes records and hands them to the task's record collector. */
export class SinkNode extends RuntimeNode {
  /** The serializers as scratch serializers, both or neither (for collectors that copy at once). */
  private readonly keyScratch: ScratchSerializer<unknown> | null;
  private readonly valueScratch: ScratchSerializer<unknown> | null;
  /** With a fixed topic: whether the collector copies its records (asked at the first record). */
  private copies: boolean | null = null;

  constructor(
    name: string,
    private readonly task: TaskRuntime,
    /** The topic as the runtime writes it (internal topics already prefixed). */
    private readonly topic: string | null,
    private readonly extractor: TopicNameExtractor | null,
    private readonly keySerializer: Serializer<unknown>,
    private readonly valueSerializer: Serializer<unknown>,
    private readonly partitioner: StreamPartitioner | null,
  ) {
    super(name);
    const keyScratch = asScratchSerializer(keySerializer);
    const valueScratch = asScratchSerializer(valueSerializer);
    this.keyScratch = keyScratch !== null && valueScratch !== null ? keyScratch : null;
    this.valueScratch = this.keyScratch !== null ? valueScratch : null;
  }

  override process(record: Record<unknown, unknown>): void {
    const topic = this.topic ?? this.extract(record);
    const collector = this.task.collector;
    let key: Buffer | null;
    let value: Buffer | null;
    try {
      if (this.keyScratch !== null && this.copiesAt(topic)) {
        key = this.keyScratch.serializeScratch(topic, record.key, 0);
        value = this.valueScratch!.serializeScratch(topic, record.value, 1);
      } else {
        key = this.keySerializer.serialize(topic, record.key, record.headers);
        value = this.valueSerializer.serialize(topic, record.value, record.headers);
      }
    } catch (error) {
      const wrapped = new SerializationError(
        `Sink ${this.name} could not serialize a record for topic ${topic}: ${error instanceof Error ? error.message : String(error)}. ` +
          'Give the sink (Produced.with / addSink) serdes that match the key and value types.',
        { cause: error },
      );
      this.task.productionFailed(this.name, record, wrapped);
      return;
    }
    let partition: number | null = null;
    if (this.partitioner !== null) {
      partition = this.partitioner.partition(topic, record.key, record.value, collector.partitionsFor(topic)) ?? null;
    }
    collector.send(topic, key, value, record.headers, record.timestamp, partition);
  }

  private copiesAt(topic: string): boolean {
    if (this.topic === null) return this.task.collector.copiesAt?.(topic) === true;
    return (this.copies ??= this.task.collector.copiesAt?.(topic) === true);
  }

  private extract(record: Record<unknown, unknown>): string {
    const e = this.extractor!;
    return typeof e === 'function' ? e(record.key, record.value, this.task.currentContext) : e.extract(record.key, record.value, this.task.currentContext);
  }
}
