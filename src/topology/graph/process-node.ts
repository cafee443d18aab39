// Kafka: StatefulProcessorNode for KStream.process
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { ProcessorSupplier } from '../../processor/processor.js';

/** `KStream.process`: a user processor connected to already-added stores. */
export interface ProcessNode extends GraphNodeBase<'process'> {
  readonly supplier: ProcessorSupplier;
  readonly storeNames: readonly string[];
}

export const ProcessNode = {
  create(props: Omit<ProcessNode, 'kind'>): ProcessNode {
    return freezeNode({ kind: 'process', ...props, storeNames: Object.freeze([...props.storeNames]) });
  },
};
