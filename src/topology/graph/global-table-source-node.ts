// Kafka: TableSourceNode (isGlobalKTable) + InternalTopologyBuilder.addGlobalStore
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { ConsumedSpec } from './consumed-spec.js';
import type { StoreSpec } from './store-spec.js';

/**
 * `builder.globalTable(topic)`: every instance reads the whole topic into `store` (through a
 * `KTABLE-SOURCE` processor, `name`, fed by `sourceName`) before processing starts, and
 * keeps following it. The topic is the store's changelog, so the store has no changelog
 * of its own. A root node in a group of its own ("for global store").
 */
export interface GlobalTableSourceNode extends GraphNodeBase<'global-table-source'> {
  readonly sourceName: string;
  readonly topic: string;
  readonly consumed: ConsumedSpec;
  readonly store: StoreSpec;
}

export const GlobalTableSourceNode = {
  create(props: Omit<GlobalTableSourceNode, 'kind'>): GlobalTableSourceNode {
    return freezeNode({ kind: 'global-table-source', ...props });
  },
};
