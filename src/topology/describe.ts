// Kafka: InternalTopologyBuilder.describe() and TopologyDescription's text
import type { Topology } from './topology.js';
import { javaHashOrder, JavaTreeSet } from './java-collections.js';

/** One node of a described topology. */
export interface DescribedNode {
  readonly kind: 'source' | 'processor' | 'sink';
  readonly name: string;
  /** Source: topics (null when it reads a pattern). */
  readonly topics: readonly string[] | null;
  /** Source: the topic pattern, else null. */
  readonly topicPattern: RegExp | null;
  /** Processor: connected stores. */
  readonly stores: readonly string[];
  /** Sink: the topic, or null when an extractor picks it. */
  readonly topic: string | null;
  readonly predecessors: readonly DescribedNode[];
  readonly successors: readonly DescribedNode[];
}

/** A described sub-topology: its nodes in Kafka's print order. */
export interface DescribedSubtopology {
  readonly id: number;
  readonly nodes: readonly DescribedNode[];
}

/** A described global store: its source and the processor updating it. */
export interface DescribedGlobalStore {
  readonly id: number;
  readonly source: DescribedNode;
  readonly processor: DescribedNode;
}

/** What `Topology.describe()` returns; `toString()` is Java's text. */
export interface TopologyDescription {
  readonly subtopologies: readonly DescribedSubtopology[];
  readonly globalStores: readonly DescribedGlobalStore[];
  toString(): string;
}

interface MutableNode {
  kind: 'source' | 'processor' | 'sink';
  name: string;
  topics: string[] | null;
  topicPattern: RegExp | null;
  stores: string[];
  topic: string | null;
  extractor: string | null;
  size: number;
  predecessorSet: JavaTreeSet<MutableNode>;
  successorSet: JavaTreeSet<MutableNode>;
  predecessors: MutableNode[];
  successors: MutableNode[];
}

// Kafka's NODE_COMPARATOR: bigger sub-tree first, then by name.
const byTreeSize = (a: MutableNode, b: MutableNode): number =>
  a.name === b.name ? 0 : a.size !== b.size ? b.size - a.size : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

function newNode(topology: Topology, name: string): MutableNode {
  const spec = topology.nodes.get(name)!;
  return {
    kind: spec.kind,
    name,
    topics: spec.kind === 'source' && spec.topics ? javaHashOrder(spec.topics, true) : null,
    topicPattern: spec.kind === 'source' ? spec.pattern : null,
    stores: spec.kind === 'processor' ? javaHashOrder(javaHashOrder(spec.stores), true) : [],
    topic: spec.kind === 'sink' ? spec.topic : null,
    extractor: spec.kind === 'sink' && spec.extractor !== null ? extractorName(spec.extractor) : null,
    size: 1,
    predecessorSet: new JavaTreeSet(byTreeSize),
    successorSet: new JavaTreeSet(byTreeSize),
    predecessors: [],
    successors: [],
  };
}

// Java prints the extractor object's toString(); we print its function or class name.
function extractorName(extractor: object): string {
  const named = typeof extractor === 'function' ? extractor.name : extractor.constructor.name;
  return named || 'TopicNameExtractor';
}

function updateSize(node: MutableNode, delta: number): void {
  node.size += delta;
  for (const p of node.predecessorSet) updateSize(p, delta);
}

function names(nodes: readonly MutableNode[]): string {
  return nodes.length === 0 ? 'none' : nodes.map((n) => n.name).join(', ');
}

function nodeText(n: MutableNode): string {
  switch (n.kind) {
    case 'source':
      return `Source: ${n.name} (topics: ${n.topics ? `[${n.topics.join(', ')}]` : n.topicPattern!.source})\n      --> ${names(n.successors)}`;
    case 'processor':
      return `Processor: ${n.name} (stores: [${n.stores.join(', ')}])\n      --> ${names(n.successors)}\n      <-- ${names(n.predecessors)}`;
    case 'sink':
      return n.extractor
        ? `Sink: ${n.name} (extractor class: ${n.extractor})\n      <-- ${names(n.predecessors)}`
        : `Sink: ${n.name} (topic: ${n.topic})\n      <-- ${names(n.predecessors)}`;
  }
}

function describeGroup(topology: Topology, nodeNames: readonly string[]): MutableNode[] {
  // Java walks a HashMap of the group's nodes; the order decides how sub-tree sizes propagate.
  const byName = new Map<string, MutableNode>();
  for (const name of javaHashOrder(nodeNames)) byName.set(name, newNode(topology, name));
  for (const node of byName.values()) {
    const spec = topology.nodes.get(node.name)!;
    if (spec.kind === 'source') continue;
    for (const parentName of spec.parents) {
      const parent = byName.get(parentName)!;
      node.predecessorSet.add(parent);
      parent.successorSet.add(node);
      updateSize(parent, node.size);
    }
  }
  for (const node of byName.values()) {
    node.predecessors = [...node.predecessorSet];
    node.successors = [...node.successorSet];
  }
  return [...byName.values()].sort(byTreeSize);
}

function freeze(n: MutableNode): DescribedNode {
  return n as unknown as DescribedNode;
}

/** Describes `topology` exactly as Kafka's `InternalTopologyBuilder.describe()` does. */
export function describeTopology(topology: Topology): TopologyDescription {
  const subtopologies: { id: number; nodes: MutableNode[] }[] = [];
  const globalStores: { id: number; source: MutableNode; processor: MutableNode }[] = [];
  for (const group of topology.subtopologies()) {
    const nodes = describeGroup(topology, group.nodes);
    if (group.global) {
      const source = nodes.find((n) => n.kind === 'source')!;
      const processor = nodes.find((n) => n.kind === 'processor')!;
      globalStores.push({ id: group.id, source, processor });
    } else {
      subtopologies.push({ id: group.id, nodes });
    }
  }
  const text = (): string => {
    const parts = [
      ...subtopologies.map((s) => ({ id: s.id, text: `Sub-topology: ${s.id}\n${s.nodes.map((n) => `    ${nodeText(n)}\n`).join('')}\n` })),
      ...globalStores.map((g) => ({
        id: g.id,
        text: `Sub-topology: ${g.id} for global store (will not generate tasks)\n    ${nodeText(g.source)}\n    ${nodeText(g.processor)}\n`,
      })),
    ].sort((a, b) => a.id - b.id);
    return `Topologies:\n ${parts.map((p) => `  ${p.text}`).join('')}`;
  };
  return {
    subtopologies: subtopologies.map((s) => ({ id: s.id, nodes: s.nodes.map(freeze) })),
    globalStores: globalStores.map((g) => ({ id: g.id, source: freeze(g.source), processor: freeze(g.processor) })),
    toString: text,
  };
}
