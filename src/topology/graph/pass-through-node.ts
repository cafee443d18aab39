// Kafka: ProcessorGraphNode + PassThrough
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** Forwards every record unchanged (a `split()` branch). */
export type PassThroughNode = GraphNodeBase<'pass-through'>;

export const PassThroughNode = {
  create(props: Omit<PassThroughNode, 'kind'>): PassThroughNode {
    return freezeNode({ kind: 'pass-through', ...props });
  },
};
