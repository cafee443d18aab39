// Kafka: ProcessorGraphNode + KStreamMapValues (valueChangingOperation)
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** `KStream.mapValues`: a new value per record, key unchanged. */
export interface MapValuesNode extends GraphNodeBase<'map-values'> {
  readonly mapper: (value: any, key: any) => unknown;
}

export const MapValuesNode = {
  create(props: Omit<MapValuesNode, 'kind'>): MapValuesNode {
    return freezeNode({ kind: 'map-values', ...props });
  },
};
