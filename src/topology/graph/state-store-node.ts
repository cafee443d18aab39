// Kafka: StateStoreNode
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { StoreBuilder } from '../../state/store-builder.js';

/** `StreamBuilder.addStateStore`: a store for `process`/`processValues` to connect to. A root node. */
export interface StateStoreNode extends GraphNodeBase<'state-store'> {
  readonly builder: StoreBuilder<any>;
}

export const StateStoreNode = {
  create(props: Omit<StateStoreNode, 'kind'>): StateStoreNode {
    return freezeNode({ kind: 'state-store', ...props });
  },
};
