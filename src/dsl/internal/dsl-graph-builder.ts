// Kafka: InternalStreamsBuilder (the name counter and the graph being recorded)
import { TopologyError } from '../../errors/topology-error.js';
import type { Graph } from '../../topology/graph/graph.js';
import type { GraphNode } from '../../topology/graph/graph-node.js';

/**
 * The one mutable object behind a `StreamBuilder`: Kafka's global name counter and the
 * graph nodes in creation order. DSL objects are immutable and hold node ids into it.
 */
export class DslGraphBuilder {
  private index = 0;
  private readonly nodes: GraphNode[] = [];
  private readonly copartitionGroups: string[][] = [];
  /**
   * Repartition nodes shared by several aggregations of one grouping whose topic the user
   * named (Kafka keeps them on the grouped object), keyed by that grouping object.
   */
  readonly sharedRepartitions = new WeakMap<object, Map<unknown, number>>();

  /** `PREFIX` + the counter as 10 digits, e.g. `KSTREAM-FILTER-0000000003`. Advances the counter. */
  newProcessorName(prefix: string): string {
    return prefix + String(this.index++).padStart(10, '0');
  }

  /** `PREFIX` + `STATE-STORE-` + the counter as 10 digits. Advances the counter. */
  newStoreName(prefix: string): string {
    return `${prefix}STATE-STORE-${String(this.index++).padStart(10, '0')}`;
  }

  /**
   * The user's name, else a generated one. The counter advances either way, so naming one
   * operator does not shift the generated names of the others (Kafka's NamedInternal).
   */
  nameOrGenerate(name: string | null, prefix: string): string {
    const generated = this.newProcessorName(prefix);
    return name ?? generated;
  }

  /** `name + suffix` when named, else a generated name; the counter advances either way. */
  suffixedOrGenerate(name: string | null, suffix: string, prefix: string): string {
    const generated = this.newProcessorName(prefix);
    return name === null ? generated : name + suffix;
  }

  /** The id the next node must have. */
  nextId(): number {
    return this.nodes.length;
  }

  /** Records a node created with `nextId()`. */
  add<N extends GraphNode>(node: N): N {
    if (node.id !== this.nodes.length) throw new Error(`Graph node ${node.name} has id ${node.id}, expected ${this.nodes.length}.`);
    this.nodes.push(node);
    return node;
  }

  /** A recorded node. */
  node(id: number): GraphNode {
    const node = this.nodes[id];
    if (node === undefined) throw new Error(`No graph node with id ${id}.`);
    return node;
  }

  /** Replaces a node by a new version of itself (e.g. a splitter gaining a branch). */
  replace(node: GraphNode): void {
    if (this.nodes[node.id]?.kind !== node.kind) throw new Error(`Cannot replace graph node ${node.id} by a ${node.kind}.`);
    this.nodes[node.id] = node;
  }

  /** Requires these source nodes' topics to have equal partition counts. */
  copartition(sourceNodes: Iterable<string>): void {
    this.copartitionGroups.push([...new Set(sourceNodes)]);
  }

  /** Checks that a DSL object passed to an operator belongs to this builder. */
  checkOwn(other: { readonly builder: DslGraphBuilder }, what: string): void {
    if (other.builder !== this) {
      throw new TopologyError([{ code: 'foreign-stream', message: `${what} was created by another StreamBuilder; combine only streams and tables of one builder.` }]);
    }
  }

  /** A snapshot of the graph recorded so far. */
  graph(): Graph {
    return { nodes: [...this.nodes], copartitionGroups: this.copartitionGroups.map((g) => [...g]) };
  }
}
