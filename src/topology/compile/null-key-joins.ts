// Kafka: NodesWithRelaxedNullKeyJoinDownstream + InternalStreamsBuilder.rewriteRepartitionNodes (KIP-962)
import type { Graph } from '../graph/graph.js';
import { childrenById } from '../graph/graph.js';
import type { GraphNode } from '../graph/graph-node.js';

/** Joins that keep records with a null key (Kafka's `NULL_KEY_RELAXED_JOIN` label). */
function keepsNullKeys(node: GraphNode): boolean {
  return (node.kind === 'stream-table-join' && node.leftJoin) || (node.kind === 'stream-stream-join' && node.joinType !== 'inner');
}

/**
 * Stream repartitions that must keep null-key records: those with a left join downstream
 * that emits `(value, null)` for them. Every other repartition drops null keys before its sink.
 */
export function repartitionsKeepingNullKeys(graph: Graph): Set<number> {
  const children = childrenById(graph);
  const memo = new Map<number, boolean>();
  const relaxedBelow = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, false);
    let relaxed = false;
    for (const child of children.get(id) ?? []) {
      if (keepsNullKeys(child) || relaxedBelow(child.id)) relaxed = true;
    }
    memo.set(id, relaxed);
    return relaxed;
  };
  return new Set(graph.nodes.filter((n) => n.kind === 'repartition' && relaxedBelow(n.id)).map((n) => n.id));
}
