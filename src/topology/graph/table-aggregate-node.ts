// Kafka: StatefulProcessorNode + KTableAggregate / KTableReduce
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { StoreSpec } from './store-spec.js';
import type { TableAggregation } from './table-aggregation.js';

/** `KGroupedTable.count/reduce/aggregate`: subtractor on the old value, then adder on the new. */
export interface TableAggregateNode extends GraphNodeBase<'table-aggregate'> {
  readonly aggregation: TableAggregation;
  readonly store: StoreSpec;
}

export const TableAggregateNode = {
  create(props: Omit<TableAggregateNode, 'kind'>): TableAggregateNode {
    return freezeNode({ kind: 'table-aggregate', ...props });
  },
};
