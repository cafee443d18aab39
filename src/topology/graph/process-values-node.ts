// Kafka: StatefulProcessorNode for KStream.processValues
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { FixedKeyProcessorSupplier } from '../../processor/processor.js';

/** `KStream.processValues`: a user fixed-key processor connected to already-added stores. */
export interface ProcessValuesNode extends GraphNodeBase<'process-values'> {
  readonly supplier: FixedKeyProcessorSupplier;
  readonly storeNames: readonly string[];
}

export const ProcessValuesNode = {
  create(props: Omit<ProcessValuesNode, 'kind'>): ProcessValuesNode {
    return freezeNode({ kind: 'process-values', ...props, storeNames: Object.freeze([...props.storeNames]) });
  },
};
