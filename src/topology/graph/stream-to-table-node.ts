// Kafka: StreamToTableNode + KTableSource
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { StoreSpec } from './store-spec.js';

/** `KStream.toTable`: upserts records into a table (materialized only when needed). */
export interface StreamToTableNode extends GraphNodeBase<'stream-to-table'> {
  /** Always present: the name is reserved even when the table is never materialized. */
  readonly store: StoreSpec;
}

export const StreamToTableNode = {
  create(props: Omit<StreamToTableNode, 'kind'>): StreamToTableNode {
    return freezeNode({ kind: 'stream-to-table', ...props });
  },
};
