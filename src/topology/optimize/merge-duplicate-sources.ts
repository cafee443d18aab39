// Kafka: InternalStreamsBuilder.mergeDuplicateSourceNodes
import { TopologyError } from '../../errors/topology-error.js';
import type { Graph } from '../graph/graph.js';
import type { GraphNode } from '../graph/graph-node.js';
import type { StreamSourceNode } from '../graph/stream-source-node.js';

function topicKey(node: StreamSourceNode): string {
  return node.pattern ? `pattern:${node.pattern.source}/${node.pattern.flags}` : `topics:${[...new Set(node.topics)].sort().join('\u0000')}`;
}

/**
 * `builder.stream('a')` called twice reads `a` once: the later source is dropped and its
 * children read from the first one (its generated name stays burned). Sources with
 * overlapping but different topic sets, or different offset resets, cannot be merged.
 * Always applied, as in Kafka.
 */
export function mergeDuplicateSources(graph: Graph): Graph {
  const replaced = new Map<number, number>();
  const byKey = new Map<string, StreamSourceNode>();
  const byTopic = new Map<string, StreamSourceNode>();
  for (const node of graph.nodes) {
    if (node.kind !== 'stream-source') continue;
    const key = topicKey(node);
    const main = byKey.get(key);
    if (main !== undefined) {
      if (main.consumed.offsetReset === null ? node.consumed.offsetReset !== null : !main.consumed.offsetReset.equals(node.consumed.offsetReset)) {
        throw new TopologyError([{ code: 'offset-reset-conflict', node: node.name, message: `Sources "${main.name}" and "${node.name}" read the same topics with different offset reset policies; use one policy.` }]);
      }
      replaced.set(node.id, main.id);
      continue;
    }
    byKey.set(key, node);
    for (const topic of node.topics ?? []) {
      const other = byTopic.get(topic);
      if (other !== undefined) {
        throw new TopologyError([{ code: 'overlapping-sources', node: node.name, message: `Sources "${other.name}" and "${node.name}" both read topic "${topic}" but subscribe to different topic sets; read the same set of topics or disjoint ones.` }]);
      }
      byTopic.set(topic, node);
    }
  }
  if (replaced.size === 0) return graph;
  const nodes: GraphNode[] = [];
  for (const node of graph.nodes) {
    if (replaced.has(node.id)) continue;
    const parents = node.parents.map((p) => replaced.get(p) ?? p);
    nodes.push(parents.some((p, i) => p !== node.parents[i]) ? ({ ...node, parents: Object.freeze([...new Set(parents)]) } as GraphNode) : node);
  }
  return { ...graph, nodes };
}
