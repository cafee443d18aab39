// Kafka: ProcessorGraphNode + KTablePassThrough (the merge of CogroupedStreamAggregateBuilder)
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** Joins the per-input aggregates of a cogroup into one table (its parents). */
export interface CogroupMergeNode extends GraphNodeBase<'cogroup-merge'> {
  readonly storeName: string;
}

export const CogroupMergeNode = {
  create(props: Omit<CogroupMergeNode, 'kind'>): CogroupMergeNode {
    return freezeNode({ kind: 'cogroup-merge', ...props });
  },
};
