// Kafka: TableSourceNode (non-global)
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { ConsumedSpec } from './consumed-spec.js';
import type { StoreSpec } from './store-spec.js';

/**
 * `builder.table(topic)`: a source (`sourceName`) feeding a `KTABLE-SOURCE` processor
 * (`name`) that upserts into `store` when the table is materialized. A root node.
 */
export interface TableSourceNode extends GraphNodeBase<'table-source'> {
  readonly sourceName: string;
  readonly topic: string;
  readonly consumed: ConsumedSpec;
  /** Always present: the name is reserved even when the table is never materialized. */
  readonly store: StoreSpec;
  /** Set by the `reuse.ktable.source.topics` optimisation: restore from `topic`, no changelog. */
  readonly reuseSourceTopic: boolean;
}

export const TableSourceNode = {
  create(props: Omit<TableSourceNode, 'kind'>): TableSourceNode {
    return freezeNode({ kind: 'table-source', ...props });
  },
};
