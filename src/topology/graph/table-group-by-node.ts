// Kafka: TableRepartitionMapNode + KTableRepartitionMap
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { KeyValue } from '../../state/key-value.js';

/** `KTable.groupBy`: re-keys each change (old and new) for the table repartition. */
export interface TableGroupByNode extends GraphNodeBase<'table-group-by'> {
  readonly selector: (key: any, value: any) => KeyValue<any, any>;
}

export const TableGroupByNode = {
  create(props: Omit<TableGroupByNode, 'kind'>): TableGroupByNode {
    return freezeNode({ kind: 'table-group-by', ...props });
  },
};
