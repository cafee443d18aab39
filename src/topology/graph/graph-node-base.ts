/**
 * What every graph node has. Nodes are passive, frozen data: the DSL creates them, optimise
 * rules replace them, the compiler reads them. Never mutated after creation.
 */
export interface GraphNodeBase<Kind extends string> {
  readonly kind: Kind;
  /**
   * Creation order (Kafka's build priority). The compiler writes nodes in this order, so it
   * decides the topology's node order and with it the sub-topology ids.
   */
  readonly id: number;
  /** The topology node that children attach to (for a repartition: its source). */
  readonly name: string;
  /** Ids of the parent nodes, in the order they were connected; empty for roots. */
  readonly parents: readonly number[];
}

/** Freezes a node literal; used by every node factory. */
export function freezeNode<N extends GraphNodeBase<string>>(node: N): N {
  return Object.freeze({ ...node, parents: Object.freeze([...node.parents]) });
}
