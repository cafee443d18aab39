// Kafka: ProcessorGraphNode + KStreamFilter
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** `KStream.filter` / `filterNot`: drops records failing the predicate. */
export interface FilterNode extends GraphNodeBase<'filter'> {
  readonly predicate: (key: any, value: any) => boolean;
  /** `filterNot`: keep records failing the predicate. */
  readonly negate: boolean;
}

export const FilterNode = {
  create(props: Omit<FilterNode, 'kind'>): FilterNode {
    return freezeNode({ kind: 'filter', ...props });
  },
};
