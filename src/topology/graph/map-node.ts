// Kafka: ProcessorGraphNode + KStreamMap (keyChangingOperation)
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { KeyValue } from '../../state/key-value.js';

/** `KStream.map`: a new key and value per record. Changes keys. */
export interface MapNode extends GraphNodeBase<'map'> {
  readonly mapper: (key: any, value: any) => KeyValue<any, any>;
}

export const MapNode = {
  create(props: Omit<MapNode, 'kind'>): MapNode {
    return freezeNode({ kind: 'map', ...props });
  },
};
