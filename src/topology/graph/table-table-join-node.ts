// Kafka: KTableKTableJoinNode + KTableKTable{Inner,Left,Right,Outer}Join + KTableKTableJoinMerger
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { StoreSpec } from './store-spec.js';

/** Which rows of a table-table join survive a missing partner. */
export type TableJoinType = 'inner' | 'left' | 'outer';

/**
 * `KTable.join/leftJoin/outerJoin(KTable)`: both sides trigger. `thisName` processes this
 * table's changes looking up the other table, `otherName` the other's looking up this one,
 * and both feed the merge processor (`name`), which writes `store` when materialized.
 * Parents: [this table, other table].
 */
export interface TableTableJoinNode extends GraphNodeBase<'table-table-join'> {
  readonly thisName: string;
  readonly otherName: string;
  readonly joinType: TableJoinType;
  readonly joiner: (value: any, otherValue: any, key: any) => unknown;
  /** Present only when the result is materialized (`Materialized` given). */
  readonly store: StoreSpec | null;
}

export const TableTableJoinNode = {
  create(props: Omit<TableTableJoinNode, 'kind'>): TableTableJoinNode {
    return freezeNode({ kind: 'table-table-join', ...props });
  },
};
