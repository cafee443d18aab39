import { TopologyError, type TopologyIssue } from '../../errors/topology-error.js';
import { Topology } from '../topology.js';
import type { Graph } from '../graph/graph.js';
import { nodesById } from '../graph/graph.js';
import { visitNode, type GraphNode } from '../graph/graph-node.js';
import type { CompileConfig } from './compile-config.js';
import { SerdeResolver } from './serde-resolver.js';
import { resolveTableSemantics } from './table-semantics.js';
import { topologyWriter, type WriteContext } from './topology-writer.js';
import { validateGraph } from './validate-graph.js';
import { repartitionsKeepingNullKeys } from './null-key-joins.js';

/**
 * Compiles a (optimised) graph into the engine's `Topology`. Nodes are written in creation
 * order, as Kafka writes them by build priority, so node order and sub-topology ids match
 * Java's. Every problem is collected; if there is any, one `TopologyError` lists them all.
 */
export function compileGraph(graph: Graph, config: CompileConfig): Topology {
  const tables = resolveTableSemantics(graph);
  const structural = validateGraph(graph, tables, config);
  const issues: TopologyIssue[] = [];
  const nodes = nodesById(graph);
  const topology = new Topology();
  const ctx: WriteContext = {
    topology,
    config,
    serdes: new SerdeResolver(config, issues),
    tables,
    issues,
    parentNames: (node: GraphNode) => node.parents.map((p) => nodes.get(p)!.name),
    node: (id: number) => nodes.get(id)!,
    keepsNullKeys: repartitionsKeepingNullKeys(graph),
  };
  // User stores first: a processor may name a store whose addStateStore() came later.
  const ordered = [...graph.nodes.filter((n) => n.kind === 'state-store'), ...graph.nodes.filter((n) => n.kind !== 'state-store')];
  const writeErrors: TopologyIssue[] = [];
  for (const node of ordered) {
    try {
      visitNode(topologyWriter, node, ctx);
    } catch (error) {
      if (!(error instanceof TopologyError)) throw error;
      writeErrors.push(...error.issues.map((i) => ({ ...i, node: i.node ?? node.name })));
    }
  }
  addCopartitionGroups(graph, topology);
  // A structural problem found up front also breaks writing; report it once, as found.
  const all = [...structural, ...issues, ...(structural.length > 0 ? [] : writeErrors)];
  if (all.length > 0) throw new TopologyError(all);
  return topology;
}

/** Kafka records co-partitioning by source node; the engine wants the sources' topics. */
function addCopartitionGroups(graph: Graph, topology: Topology): void {
  for (const group of graph.copartitionGroups) {
    const topics = new Set<string>();
    for (const name of group) {
      const spec = topology.nodes.get(name);
      if (spec?.kind === 'source') for (const t of spec.topics ?? []) topics.add(t);
    }
    if (topics.size > 1) topology.copartitionGroups.push([...topics]);
  }
}
