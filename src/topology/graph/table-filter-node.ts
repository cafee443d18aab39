// Kafka: TableFilterNode + KTableFilter
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { StoreSpec } from './store-spec.js';

/** `KTable.filter` / `filterNot`: a failing update becomes a tombstone. */
export interface TableFilterNode extends GraphNodeBase<'table-filter'> {
  readonly predicate: (key: any, value: any) => boolean;
  readonly negate: boolean;
  /** Present only when materialized under a user-given name. */
  readonly store: StoreSpec | null;
}

export const TableFilterNode = {
  create(props: Omit<TableFilterNode, 'kind'>): TableFilterNode {
    return freezeNode({ kind: 'table-filter', ...props });
  },
};
