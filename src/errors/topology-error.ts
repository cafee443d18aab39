import { StreamsError } from './streams-error.js';

/** One problem found while building a topology; `message` says what to do about it. */
export interface TopologyIssue {
  readonly code: string;
  readonly node?: string;
  readonly message: string;
}

/**
 * Thrown by `Topology` methods and `StreamBuilder.build()` for an invalid topology.
 * `build()` collects every problem into `issues` and throws once.
 */
export class TopologyError extends StreamsError {
  readonly issues: readonly TopologyIssue[];

  constructor(issues: TopologyIssue[] | string, options?: { cause?: unknown }) {
    const list = typeof issues === 'string' ? [{ code: 'invalid-topology', message: issues }] : issues;
    super(
      list.length === 1
        ? `Invalid topology: ${list[0]!.message}`
        : `Invalid topology (${list.length} problems):\n${list.map((i) => `  - ${i.message}`).join('\n')}`,
      options,
    );
    this.issues = list;
  }
}
