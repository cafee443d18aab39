import { TopologyError } from '../../errors/topology-error.js';
import type { Graph } from '../graph/graph.js';
import { mergeDuplicateSources } from './merge-duplicate-sources.js';
import { mergeRepartitionTopics } from './merge-repartition-topics.js';
import { reuseTableSourceTopics } from './reuse-table-source-topics.js';

/** The optimisations Kafka's `topology.optimization` can switch on. */
export type Optimization = 'reuse.ktable.source.topics' | 'merge.repartition.topics' | 'single.store.self.join';

const ALL: readonly Optimization[] = ['reuse.ktable.source.topics', 'merge.repartition.topics', 'single.store.self.join'];

/** Parses `topologyOptimization`: `'none'` (default), `'all'`, or a comma list of rules. */
export function parseOptimizations(value: string | undefined): ReadonlySet<Optimization> {
  const items = (value ?? 'none').split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 1 && items[0] === 'none') return new Set();
  if (items.length === 1 && items[0] === 'all') return new Set(ALL);
  const unknown = items.filter((i) => !(ALL as readonly string[]).includes(i));
  if (unknown.length > 0 || items.length === 0) {
    throw new TopologyError([
      {
        code: 'invalid-optimization',
        message: `topologyOptimization must be 'none', 'all' or a comma list of ${ALL.join(', ')} (got ${JSON.stringify(value)}).`,
      },
    ]);
  }
  return new Set(items as Optimization[]);
}

/** Applies the always-on rewrites and the enabled optimisations, each a pure graph-to-graph rule. */
export function optimizeGraph(graph: Graph, optimizations: ReadonlySet<Optimization>): Graph {
  let g = mergeDuplicateSources(graph);
  if (optimizations.has('reuse.ktable.source.topics')) g = reuseTableSourceTopics(g);
  if (optimizations.has('merge.repartition.topics')) g = mergeRepartitionTopics(g);
  // single.store.self.join rewrites stream-stream self-joins; no joins exist yet.
  return g;
}
