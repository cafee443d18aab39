// Kafka: the enableSendingOldValues / valueGetterSupplier calls KStreamImpl and KTableImpl make when a join is built
import type { GraphNode } from '../graph/graph-node.js';

/**
 * Replays, for a join node, the calls Kafka makes on the joined tables when the join is
 * created: old values are requested (forcing materialization) for the sides a left/outer
 * or foreign-key join needs them from, then every table read through a getter is
 * materialized. Global tables are always materialized.
 */
export function replayJoin(node: GraphNode, enable: (id: number, force: boolean) => boolean, readThroughGetter: (id: number) => void): void {
  switch (node.kind) {
    case 'stream-table-join':
      readThroughGetter(node.table);
      return;
    case 'table-table-join':
      if (node.joinType !== 'inner') enable(node.parents[0]!, true);
      if (node.joinType === 'outer') enable(node.parents[1]!, true);
      readThroughGetter(node.parents[0]!);
      readThroughGetter(node.parents[1]!);
      return;
    case 'foreign-key-join':
      // Old values let the foreign side skip unchanged rows and the primary side unsubscribe.
      enable(node.parents[1]!, true);
      enable(node.parents[0]!, true);
      readThroughGetter(node.parents[1]!);
      readThroughGetter(node.parents[0]!);
      return;
    default:
      return;
  }
}
