import type { GraphNode } from './graph-node.js';

/**
 * A DSL program as data: nodes in creation order (parents before children) plus the
 * groups of source nodes that joins/cogroups require to be co-partitioned. Optimise rules
 * take a graph and return a new one.
 */
export interface Graph {
  readonly nodes: readonly GraphNode[];
  /** Source node names per group (Kafka's `copartitionSources`). */
  readonly copartitionGroups: readonly (readonly string[])[];
}

/** Nodes by id. */
export function nodesById(graph: Graph): Map<number, GraphNode> {
  return new Map(graph.nodes.map((n) => [n.id, n]));
}

/** Children of every node, in creation order. */
export function childrenById(graph: Graph): Map<number, GraphNode[]> {
  const children = new Map<number, GraphNode[]>();
  for (const node of graph.nodes) children.set(node.id, []);
  for (const node of graph.nodes) for (const p of node.parents) children.get(p)?.push(node);
  return children;
}

/** Whether a node changes keys (Kafka's `keyChangingOperation`), so grouping downstream repartitions. */
export function isKeyChanging(node: GraphNode): boolean {
  return node.kind === 'map' || node.kind === 'select-key' || node.kind === 'flat-map';
}
