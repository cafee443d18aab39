// Kafka: ProcessorGraphNode + KStreamMap from internalSelectKey (keyChangingOperation)
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** `KStream.selectKey` and the key selector of `KStream.groupBy`. Changes keys. */
export interface SelectKeyNode extends GraphNodeBase<'select-key'> {
  readonly selector: (key: any, value: any) => unknown;
}

export const SelectKeyNode = {
  create(props: Omit<SelectKeyNode, 'kind'>): SelectKeyNode {
    return freezeNode({ kind: 'select-key', ...props });
  },
};
