// Kafka: ProcessorGraphNode + PassThrough (mergeNode)
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** `KStream.merge`: forwards the records of both parents. */
export type MergeNode = GraphNodeBase<'merge'>;

export const MergeNode = {
  create(props: Omit<MergeNode, 'kind'>): MergeNode {
    return freezeNode({ kind: 'merge', ...props });
  },
};
