// Kafka: InternalStreamsBuilder.mergeRepartitionTopics (+ maybeUpdateKeyChangingRepartitionNodeMap)
import type { Graph } from '../graph/graph.js';
import { isKeyChanging, nodesById } from '../graph/graph.js';
import type { GraphNode } from '../graph/graph-node.js';
import { RepartitionNode } from '../graph/repartition-node.js';

type Id = number;

/** Parent/child links that the rule rewires, kept in connection order (Kafka's LinkedHashSets). */
class Links {
  readonly parents = new Map<Id, Id[]>();
  readonly children = new Map<Id, Id[]>();

  constructor(nodes: readonly GraphNode[]) {
    for (const n of nodes) {
      this.parents.set(n.id, [...n.parents]);
      this.children.set(n.id, []);
    }
    for (const n of nodes) for (const p of n.parents) this.children.get(p)!.push(n.id);
  }

  add(parent: Id, child: Id): void {
    const cs = this.children.get(parent) ?? [];
    if (!cs.includes(child)) cs.push(child);
    this.children.set(parent, cs);
    const ps = this.parents.get(child) ?? [];
    if (!ps.includes(parent)) ps.push(parent);
    this.parents.set(child, ps);
  }

  remove(parent: Id, child: Id): void {
    this.children.set(parent, (this.children.get(parent) ?? []).filter((c) => c !== child));
    this.parents.set(child, (this.parents.get(child) ?? []).filter((p) => p !== parent));
  }

  /**
   * Kafka's `findParentNodeMatching`: `start` if it matches, else a matching parent, else
   * the search result of the *last* parent searched (Kafka's loop overwrites earlier finds).
   */
  find(start: Id, match: (id: Id) => boolean): Id | null {
    if (match(start)) return start;
    let found: Id | null = null;
    for (const p of this.parents.get(start) ?? []) {
      if (match(p)) return p;
      found = this.find(p, match);
    }
    return found;
  }
}

/**
 * `merge.repartition.topics`: the repartitions downstream of one key-changing operation
 * (possibly through `merge`) become one repartition placed right after that operation,
 * named after the first of them. The replaced repartitions disappear; their names stay
 * burned. `KStream.repartition()` topics are never merged.
 */
export function mergeRepartitionTopics(graph: Graph): Graph {
  const byId = nodesById(graph);
  const links = new Links(graph.nodes);
  const keyChangers = repartitionsByKeyChanger(graph, byId, links);
  const added: RepartitionNode[] = [];
  const removed = new Set<Id>();
  let groups = graph.copartitionGroups;
  for (const [keyChanger, reps] of keyChangers) {
    if (reps.length === 0) continue;
    const replaced = reps.map((id) => byId.get(id) as RepartitionNode);
    const merged = mergedRepartition(keyChanger, replaced);
    links.parents.set(merged.id, []);
    links.children.set(merged.id, []);
    for (const rep of replaced) {
      bypass(links, keyChanger, merged.id, rep, byId);
      removed.add(rep.id);
      groups = groups.map((g) => g.map((s) => (s === rep.name ? merged.name : s)));
    }
    links.add(keyChanger, merged.id);
    added.push(merged);
  }
  if (added.length === 0) return graph;
  const nodes = [...graph.nodes.filter((n) => !removed.has(n.id)), ...added]
    .map((n) => ({ ...n, parents: Object.freeze([...(links.parents.get(n.id) ?? [])]) }) as GraphNode)
    .sort((a, b) => a.id - b.id);
  return { nodes, copartitionGroups: groups };
}

/**
 * Optimizable repartitions per key-changing node, in creation order: a repartition belongs
 * to the nearest key changer above it unless a value changer is nearer (Kafka's
 * `getKeyChangingParentNode`), then repartitions below merges move to the merge.
 */
function repartitionsByKeyChanger(graph: Graph, byId: Map<Id, GraphNode>, links: Links): Map<Id, Id[]> {
  const isKey = (id: Id): boolean => isKeyChanging(byId.get(id)!);
  const isValue = (id: Id): boolean => ['map-values', 'flat-map-values'].includes(byId.get(id)!.kind);
  const keyChangers = new Map<Id, Id[]>();
  const merges: Id[] = [];
  for (const node of graph.nodes) {
    if (isKeyChanging(node)) {
      keyChangers.set(node.id, []);
    } else if (node.kind === 'repartition' && node.optimizable) {
      const nearest = links.find(node.id, (id) => isKey(id) || isValue(id));
      const keyChanger = links.find(node.id, isKey);
      if (nearest !== null && nearest === keyChanger) keyChangers.get(keyChanger)!.push(node.id);
    } else if (node.kind === 'merge') {
      merges.push(node.id);
    }
  }
  attributeToMerges(keyChangers, merges, links);
  return keyChangers;
}

/**
 * The one repartition replacing `replaced`: named after the first topic, which ends in
 * `-repartition`, so its nodes are always `<topic>-sink/-filter/-source`.
 */
function mergedRepartition(keyChanger: Id, replaced: readonly RepartitionNode[]): RepartitionNode {
  const first = replaced[0]!;
  return RepartitionNode.create({
    id: keyChanger + 0.5, // written right after the key changer, as Kafka's equal build priority does
    name: `${first.topic}-source`,
    parents: [],
    sinkName: `${first.topic}-sink`,
    filterName: `${first.topic}-filter`,
    topic: first.topic,
    generatedTopic: first.generatedTopic,
    keySerde: replaced.find((r) => r.keySerde !== null)?.keySerde ?? null,
    valueSerde: replaced.find((r) => r.valueSerde !== null)?.valueSerde ?? null,
    partitioner: null,
    numPartitions: null,
    optimizable: true,
  });
}

/**
 * Moves the key changer's child on the path to `rep` under the merged repartition, and
 * connects `rep`'s children to its parents, leaving `rep` unconnected.
 */
function bypass(links: Links, keyChanger: Id, merged: Id, rep: RepartitionNode, byId: Map<Id, GraphNode>): void {
  const child = links.find(rep.id, (id) => (links.parents.get(id) ?? []).includes(keyChanger));
  if (child === null) throw new Error(`No path from ${byId.get(keyChanger)!.name} to repartition ${rep.name}.`);
  links.add(merged, child);
  links.remove(keyChanger, child);
  const repParents = [...(links.parents.get(rep.id) ?? [])];
  const repChildren = [...(links.children.get(rep.id) ?? [])];
  for (const c of repChildren) for (const p of repParents) links.add(p, c);
  for (const p of repParents) links.remove(p, rep.id);
  for (const c of repChildren) links.remove(rep.id, c);
}

/**
 * Repartitions reached through a `merge` of several key-changing branches belong to the
 * merge: they are moved from the key changers above it to the merge node.
 */
function attributeToMerges(keyChangers: Map<Id, Id[]>, merges: readonly Id[], links: Links): void {
  const toRemove = new Set<Id>();
  const perMerge = new Map<Id, Id[]>();
  for (const merge of merges) {
    const keys: Id[] = [];
    for (const [keyChanger, reps] of keyChangers) {
      const below = reps.every((r) => links.find(r, (id) => (links.parents.get(id) ?? []).includes(merge)) !== null);
      if (below && links.find(merge, (id) => (links.parents.get(id) ?? []).includes(keyChanger)) !== null) keys.push(keyChanger);
    }
    perMerge.set(merge, keys);
  }
  for (const [merge, keys] of perMerge) {
    const reps = new Set<Id>();
    for (const k of keys) {
      for (const r of keyChangers.get(k) ?? []) reps.add(r);
      toRemove.add(k);
    }
    keyChangers.delete(merge);
    keyChangers.set(merge, [...reps]);
  }
  for (const k of toRemove) keyChangers.delete(k);
}
