// Kafka: StreamTableJoinNode + KStreamKTableJoin / KStreamGlobalKTableJoin
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/**
 * `KStream.join/leftJoin` with a `KTable` or a `GlobalKTable`: each stream record looks up
 * the table (through its value getter) when it is processed; table updates never emit.
 * `table` is the id of the table's graph node, which is not a parent: only the stream feeds
 * the processor.
 */
export interface StreamTableJoinNode extends GraphNodeBase<'stream-table-join'> {
  readonly table: number;
  /** Global-table joins: the table key of a stream record. Null for `KTable` joins (the record key). */
  readonly keySelector: ((key: any, value: any) => unknown) | null;
  readonly joiner: (value: any, tableValue: any, key: any) => unknown;
  /** Left join: records without a partner (and with a null key) are joined with null. */
  readonly leftJoin: boolean;
}

export const StreamTableJoinNode = {
  create(props: Omit<StreamTableJoinNode, 'kind'>): StreamTableJoinNode {
    return freezeNode({ kind: 'stream-table-join', ...props });
  },
};
