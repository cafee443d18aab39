// Kafka: GroupedTableOperationRepartitionNode
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { Serde } from '../../serdes/serde.js';

/**
 * The repartition of a grouped table: a sink (`sinkName`) writing changes with the
 * `ChangedSerializer` wire format, read back by a source (`name`). No null-key filter.
 */
export interface TableRepartitionNode extends GraphNodeBase<'table-repartition'> {
  readonly sinkName: string;
  readonly topic: string;
  readonly generatedTopic: boolean;
  readonly keySerde: Serde<any> | null;
  /** Serde of the values inside each change. */
  readonly valueSerde: Serde<any> | null;
}

export const TableRepartitionNode = {
  create(props: Omit<TableRepartitionNode, 'kind'>): TableRepartitionNode {
    return freezeNode({ kind: 'table-repartition', ...props });
  },
};
