// Kafka: InternalStreamsBuilder.reuseKTableSourceTopics
import type { Graph } from '../graph/graph.js';
import type { GraphNode } from '../graph/graph-node.js';

/**
 * `reuse.ktable.source.topics`: a materialized `builder.table()` store is restored from
 * its (compacted) input topic instead of a changelog topic of its own.
 */
export function reuseTableSourceTopics(graph: Graph): Graph {
  const nodes = graph.nodes.map((n): GraphNode => (n.kind === 'table-source' ? Object.freeze({ ...n, reuseSourceTopic: true }) : n));
  return { ...graph, nodes };
}
