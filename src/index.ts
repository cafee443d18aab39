// The public API of `kstreams`. Everything users import comes through here (and `kstreams/testing`).
export * from './processor/index.js';
export * from './errors/index.js';
export * from './serdes/index.js';
export { Topology, type SourceOptions, type SinkOptions } from './topology/topology.js';
export type { TopologyDescription, DescribedNode, DescribedSubtopology, DescribedGlobalStore } from './topology/describe.js';
export { ConfigError, type StreamsConfig } from './runtime/streams-config.js';
