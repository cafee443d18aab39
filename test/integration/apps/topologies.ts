// Topologies shared by the runtime tests and their child-process apps (no vitest imports here:
// the apps run under `kstreams run`, outside vitest).
import { Consumed, Grouped, Materialized, Produced, StreamBuilder } from '../../../src/dsl/index.js';
import { Serdes } from '../../../src/serdes/serdes.js';
import type { Topology } from '../../../src/topology/topology.js';
import { words } from '../../../examples/word-count.js';

/** examples/word-count.ts with the caller's topic names (tests share one broker). */
export function wordCountTopology(input: string, output: string): Topology {
  const S = Serdes.String();
  const builder = new StreamBuilder();
  builder
    .stream(input, Consumed.with(S, S))
    .flatMapValues(words)
    .groupBy((_key, word) => word, Grouped.with(S, S))
    .count(Materialized.as('counts-store'))
    .toStream()
    .to(output, Produced.with(S, Serdes.Long()));
  return builder.build();
}
