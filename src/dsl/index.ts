// The DSL's public API.
export { StreamBuilder, StreamBuilder as StreamsBuilder } from './stream-builder.js';
export type { BuildConfig } from './build-config.js';
export type { KStream } from './kstream.js';
export type { KTable } from './ktable.js';
export type { KGroupedStream } from './kgrouped-stream.js';
export type { KGroupedTable } from './kgrouped-table.js';
export type { CogroupedKStream } from './cogrouped-kstream.js';
export type { BranchedKStream } from './branched-kstream.js';
export type { Predicate, KeyValueMapper, ValueMapper, ForeachAction, Initializer, Aggregator, Reducer } from './functions.js';
export { Consumed } from './consumed.js';
export { Produced } from './produced.js';
export { Grouped } from './grouped.js';
export { Materialized } from './materialized.js';
export { Named } from './named.js';
export { Repartitioned } from './repartitioned.js';
export { Branched } from './branched.js';
export type { DslStoreType } from '../topology/graph/store-spec.js';
