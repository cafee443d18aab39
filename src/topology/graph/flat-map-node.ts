// Kafka: ProcessorGraphNode + KStreamFlatMap (keyChangingOperation)
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { KeyValue } from '../../state/key-value.js';

/** `KStream.flatMap`: zero or more records per record, keys may change. */
export interface FlatMapNode extends GraphNodeBase<'flat-map'> {
  readonly mapper: (key: any, value: any) => Iterable<KeyValue<any, any>>;
}

export const FlatMapNode = {
  create(props: Omit<FlatMapNode, 'kind'>): FlatMapNode {
    return freezeNode({ kind: 'flat-map', ...props });
  },
};
