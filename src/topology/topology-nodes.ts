import type { Deserializer, Serializer } from '../serdes/serde.js';
import type { Processor } from '../processor/processor.js';
import type { TimestampExtractor } from '../processor/timestamp-extractor.js';
import type { AutoOffsetReset } from '../processor/auto-offset-reset.js';
import type { StreamPartitioner } from '../processor/stream-partitioner.js';
import type { TopicNameExtractor } from '../processor/topic-name-extractor.js';

/** A source node of a topology: topics (or a pattern) and how to read them. */
export interface SourceNodeSpec {
  readonly kind: 'source';
  readonly name: string;
  /** Topic names as written in the topology (internal ones without the application id). */
  readonly topics: readonly string[] | null;
  readonly pattern: RegExp | null;
  readonly keyDeserializer: Deserializer<unknown> | null;
  readonly valueDeserializer: Deserializer<unknown> | null;
  readonly timestampExtractor: TimestampExtractor | null;
  readonly offsetReset: AutoOffsetReset | null;
  /** Set for the source of a global store. */
  readonly global: boolean;
}

/** A processor node: a factory making one processor per task, its parents and stores. */
export interface ProcessorNodeSpec {
  readonly kind: 'processor';
  readonly name: string;
  readonly supplier: () => Processor<any, any, any, any>;
  readonly parents: readonly string[];
  /** Store names in connection order. */
  readonly stores: string[];
}

/** A sink node: a topic (or extractor) and how to write it. */
export interface SinkNodeSpec {
  readonly kind: 'sink';
  readonly name: string;
  readonly topic: string | null;
  readonly extractor: TopicNameExtractor | null;
  readonly keySerializer: Serializer<unknown> | null;
  readonly valueSerializer: Serializer<unknown> | null;
  readonly partitioner: StreamPartitioner | null;
  readonly parents: readonly string[];
}

export type NodeSpec = SourceNodeSpec | ProcessorNodeSpec | SinkNodeSpec;

/** An internal topic the DSL declared (repartition topics); changelogs are derived from stores. */
export interface InternalTopicSpec {
  readonly name: string;
  readonly kind: 'repartition';
  /** Fixed partition count (`Repartitioned.withNumberOfPartitions`), else derived from the upstream sub-topology. */
  readonly numPartitions: number | null;
  readonly config: Readonly<{ [key: string]: string }>;
}
