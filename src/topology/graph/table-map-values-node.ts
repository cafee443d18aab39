// Kafka: TableProcessorNode + KTableMapValues
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { StoreSpec } from './store-spec.js';

/** `KTable.mapValues`: maps both the new and the old value of each change. */
export interface TableMapValuesNode extends GraphNodeBase<'table-map-values'> {
  readonly mapper: (value: any, key: any) => unknown;
  /** Present only when materialized under a user-given name. */
  readonly store: StoreSpec | null;
}

export const TableMapValuesNode = {
  create(props: Omit<TableMapValuesNode, 'kind'>): TableMapValuesNode {
    return freezeNode({ kind: 'table-map-values', ...props });
  },
};
