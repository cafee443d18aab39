// Kafka: ProcessorGraphNode + KStreamPeek
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** `KStream.peek`: runs an action per record and forwards it unchanged. */
export interface PeekNode extends GraphNodeBase<'peek'> {
  readonly action: (key: any, value: any) => void;
}

export const PeekNode = {
  create(props: Omit<PeekNode, 'kind'>): PeekNode {
    return freezeNode({ kind: 'peek', ...props });
  },
};
