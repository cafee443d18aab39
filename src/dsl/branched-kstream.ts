// Kafka: BranchedKStream
import type { Branched } from './branched.js';
import type { Predicate } from './functions.js';
import type { KStream } from './kstream.js';

/**
 * The branches of `KStream.split()`. Each record goes to the first branch whose predicate
 * holds; unmatched records go to the default branch, or are dropped without one. The
 * result maps `<split name><branch name>` to each branch stream; an unnamed branch is
 * named by its 1-based position, the default branch by `0`.
 */
export interface BranchedKStream<K, V> {
  /** Adds a branch taking the records `predicate` accepts (and no earlier branch took). */
  branch(predicate: Predicate<K, V>, branched?: Branched<K, V>): BranchedKStream<K, V>;
  /** Adds the branch for all remaining records and returns the branches. */
  defaultBranch(branched?: Branched<K, V>): Map<string, KStream<K, V>>;
  /** Returns the branches; records matching no predicate are dropped. */
  noDefaultBranch(): Map<string, KStream<K, V>>;
}
