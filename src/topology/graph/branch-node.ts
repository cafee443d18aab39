// Kafka: ProcessorGraphNode + KStreamBranch
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/**
 * The splitter of `KStream.split()`: sends each record to the child of the first matching
 * predicate, else to the default child when there is one (`childNames` one longer than
 * `predicates`). Branches are appended as `branch()` is called, by replacing this node.
 */
export interface BranchNode extends GraphNodeBase<'branch'> {
  readonly predicates: readonly ((key: any, value: any) => boolean)[];
  readonly childNames: readonly string[];
}

export const BranchNode = {
  create(props: Omit<BranchNode, 'kind'>): BranchNode {
    return freezeNode({ kind: 'branch', ...props, predicates: Object.freeze([...props.predicates]), childNames: Object.freeze([...props.childNames]) });
  },
};
