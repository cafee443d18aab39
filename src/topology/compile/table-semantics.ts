// Kafka: KTableImpl.enableSendingOldValues / valueGetterSupplier, replayed over the graph
import type { Graph } from '../graph/graph.js';
import type { GraphNode } from '../graph/graph-node.js';
import { nodesById } from '../graph/graph.js';
import { getterSources } from './value-getters.js';
import { replayJoin } from './join-semantics.js';

/** Per-node KTable flags the processors are built with. */
export interface TableSemantics {
  /** Whether the node's processor forwards old values (`Change(new, old)`). */
  sendOldValues(id: number): boolean;
  /** Whether a table source (`table()`, `toTable()`) writes to its store. */
  materialized(id: number): boolean;
}

/**
 * Kafka's table processors decide whether to send old values, and sources whether to
 * materialize, by calls made while the DSL program is built: `KTable.filter` asks its
 * parent (without forcing materialization) and `KTable.groupBy` forces it. Replaying those
 * calls in creation order over the immutable graph gives the same answers.
 */
export function resolveTableSemantics(graph: Graph): TableSemantics {
  const nodes = nodesById(graph);
  const supplierSends = new Set<number>();
  const tableSends = new Set<number>();
  const materialized = new Set<number>();
  for (const node of graph.nodes) {
    if ((node.kind === 'table-source' || node.kind === 'stream-to-table') && !node.store.generatedName) materialized.add(node.id);
    if (node.kind === 'foreign-key-join' && !node.resultStore.generatedName) materialized.add(node.id);
  }

  const enable = (id: number, force: boolean): boolean => {
    if (tableSends.has(id)) return true;
    const node = nodes.get(id)!;
    if (!enableOn(node, force)) return false;
    tableSends.add(id);
    return true;
  };

  const enableOn = (node: GraphNode, force: boolean): boolean => {
    switch (node.kind) {
      case 'table-source':
      case 'stream-to-table':
      case 'foreign-key-join':
        if (!force && !materialized.has(node.id)) return false;
        materialized.add(node.id);
        supplierSends.add(node.id);
        return true;
      case 'stream-aggregate':
      case 'window-aggregate':
      case 'table-aggregate':
        supplierSends.add(node.id);
        return true;
      case 'table-suppress':
        // The buffer forwards the changes it receives: old values come from upstream.
        return enable(node.parents[0]!, force);
      case 'cogroup-merge':
        for (const p of node.parents) supplierSends.add(p);
        return true;
      case 'table-table-join':
        // KTableKTableJoinMerger: both tables must send old values (materializing them).
        for (const p of node.parents) enable(p, true);
        supplierSends.add(node.id);
        return true;
      case 'table-filter':
      case 'table-map-values':
      case 'table-transform-values':
        if (node.store !== null || enable(node.parents[0]!, force)) supplierSends.add(node.id);
        return supplierSends.has(node.id);
      default:
        throw new Error(`${node.kind} node ${node.name} is not a table.`);
    }
  };

  for (const node of graph.nodes) {
    // KTableFilter's constructor: send old values when the parent already materializes.
    if (node.kind === 'table-filter' && enable(node.parents[0]!, false)) supplierSends.add(node.id);
    // KTable.groupBy: the re-grouping needs old values, materializing the source if needed.
    if (node.kind === 'table-group-by') enable(node.parents[0]!, true);
    // Joins read the other side through value getters, materializing the tables they read.
    replayJoin(node, enable, (id) => {
      for (const source of getterSources((i) => nodes.get(i)!, id)) materialized.add(source);
    });
    // KTableSuppressProcessorSupplier: the buffer keeps the prior value, so it needs old values.
    if (node.kind === 'table-suppress') enable(node.parents[0]!, true);
  }
  return {
    sendOldValues: (id) => supplierSends.has(id),
    materialized: (id) => materialized.has(id),
  };
}
