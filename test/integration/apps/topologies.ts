// Topologies shared by the runtime tests and their child-process apps (no vitest imports here:
// the apps run under `kstreams run`, outside vitest).

/** examples/word-count.ts with the caller's topic names (tests share one broker). */
export { buildTopology as wordCountTopology } from '../../../examples/word-count.js';
