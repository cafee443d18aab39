// Kafka: ProcessorGraphNode + KStreamMapValues(change -> change.newValue)
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** `KTable.toStream`: emits each change's new value (a tombstone as `(key, null)`). */
export type TableToStreamNode = GraphNodeBase<'table-to-stream'>;

export const TableToStreamNode = {
  create(props: Omit<TableToStreamNode, 'kind'>): TableToStreamNode {
    return freezeNode({ kind: 'table-to-stream', ...props });
  },
};
