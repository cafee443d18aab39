import type { Topology } from './topology.js';

/** A connected component of the topology: the unit of tasks (or a global store group). */
export interface Subtopology {
  readonly id: number;
  /** Node names in the topology's insertion order. */
  readonly nodes: readonly string[];
  /** True for a global store's source + processor (generates no tasks). */
  readonly global: boolean;
}

/**
 * Groups nodes into sub-topologies: parents and children, and processors sharing a store,
 * belong together. Ids follow the first node of each group in insertion order, as Kafka's
 * `makeNodeGroups` does.
 */
export function computeSubtopologies(topology: Topology): Subtopology[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const unite = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const name of topology.nodes.keys()) parent.set(name, name);
  for (const node of topology.nodes.values()) {
    if (node.kind !== 'source') for (const p of node.parents) unite(p, node.name);
  }
  for (const store of topology.stores.values()) {
    const [first, ...rest] = [...store.users];
    if (first !== undefined) for (const other of rest) unite(first, other);
  }
  const groups = new Map<string, string[]>();
  for (const name of topology.nodes.keys()) {
    const root = find(name);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(name);
  }
  return [...groups.values()].map((nodes, id) => ({
    id,
    nodes,
    global: nodes.some((n) => {
      const node = topology.nodes.get(n)!;
      return node.kind === 'source' && node.global;
    }),
  }));
}
