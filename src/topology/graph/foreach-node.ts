// Kafka: ProcessorGraphNode + ForeachProcessor
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** `KStream.foreach`: runs an action per record. Terminal. */
export interface ForeachNode extends GraphNodeBase<'foreach'> {
  readonly action: (key: any, value: any) => void;
}

export const ForeachNode = {
  create(props: Omit<ForeachNode, 'kind'>): ForeachNode {
    return freezeNode({ kind: 'foreach', ...props });
  },
};
