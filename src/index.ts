// The public API of `kstreams`. Everything users import comes through here (and `kstreams/testing`).
export * from './processor/index.js';
export * from './errors/index.js';
export * from './serdes/index.js';
export * from './state/index.js';
export * from './dsl/index.js';
export { Topology, type SourceOptions, type SinkOptions } from './topology/topology.js';
export type { TopologyDescription, DescribedNode, DescribedSubtopology, DescribedGlobalStore } from './topology/describe.js';
export { ConfigError, type StreamsConfig } from './runtime/streams-config.js';
export { KafkaStreams, type StreamsUncaughtExceptionHandler, type StreamsUncaughtExceptionResponse } from './runtime/kafka-streams.js';
export { StreamsState } from './runtime/streams-state.js';
export { HostInfo } from './runtime/metadata/host-info.js';
export { KeyQueryMetadata, type StreamsMetadata } from './runtime/metadata/streams-metadata.js';
export type { TopicPartition } from './runtime/kafka/engine.js';
export type { StreamsEvent } from './runtime/streams-event.js';
export type { RestoreProgress } from './runtime/changelog-restorer.js';
export { TopicPlanError } from './runtime/topic-plan.js';
export { MissingSourceTopicError, KafkaConnectionError, ProducerFencedError } from './runtime/kafka/kafka-errors.js';
