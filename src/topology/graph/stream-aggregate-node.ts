// Kafka: StatefulProcessorNode + KStreamAggregate / KStreamReduce
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { StoreSpec } from './store-spec.js';
import type { StreamAggregation } from './stream-aggregation.js';

/** `KGroupedStream.count/reduce/aggregate` (and each input of a cogroup): a table in a store. */
export interface StreamAggregateNode extends GraphNodeBase<'stream-aggregate'> {
  readonly aggregation: StreamAggregation;
  readonly storeName: string;
  /** The store this node adds; null when another node of the same cogroup adds it. */
  readonly store: StoreSpec | null;
}

export const StreamAggregateNode = {
  create(props: Omit<StreamAggregateNode, 'kind'>): StreamAggregateNode {
    return freezeNode({ kind: 'stream-aggregate', ...props });
  },
};
