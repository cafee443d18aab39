// Kafka: StreamSourceNode
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { ConsumedSpec } from './consumed-spec.js';

/** `builder.stream(...)`: a source reading topics or a pattern. A root node. */
export interface StreamSourceNode extends GraphNodeBase<'stream-source'> {
  /** Topic names, or null when a pattern is read. */
  readonly topics: readonly string[] | null;
  readonly pattern: RegExp | null;
  readonly consumed: ConsumedSpec;
}

export const StreamSourceNode = {
  create(props: Omit<StreamSourceNode, 'kind'>): StreamSourceNode {
    return freezeNode({ kind: 'stream-source', ...props });
  },
};
