// Kafka: ProcessorGraphNode + KStreamFlatMapValues (valueChangingOperation)
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** `KStream.flatMapValues`: zero or more values per record, key unchanged. */
export interface FlatMapValuesNode extends GraphNodeBase<'flat-map-values'> {
  readonly mapper: (value: any, key: any) => Iterable<unknown>;
}

export const FlatMapValuesNode = {
  create(props: Omit<FlatMapValuesNode, 'kind'>): FlatMapValuesNode {
    return freezeNode({ kind: 'flat-map-values', ...props });
  },
};
