import type { BranchNode } from './branch-node.js';
import type { ForeignKeyJoinNode } from './foreign-key-join-node.js';
import type { GlobalTableSourceNode } from './global-table-source-node.js';
import type { StreamTableJoinNode } from './stream-table-join-node.js';
import type { StreamStreamJoinNode } from './stream-stream-join-node.js';
import type { TableTableJoinNode } from './table-table-join-node.js';
import type { CogroupMergeNode } from './cogroup-merge-node.js';
import type { FilterNode } from './filter-node.js';
import type { FlatMapNode } from './flat-map-node.js';
import type { FlatMapValuesNode } from './flat-map-values-node.js';
import type { ForeachNode } from './foreach-node.js';
import type { MapNode } from './map-node.js';
import type { MapValuesNode } from './map-values-node.js';
import type { MergeNode } from './merge-node.js';
import type { PassThroughNode } from './pass-through-node.js';
import type { PeekNode } from './peek-node.js';
import type { ProcessNode } from './process-node.js';
import type { ProcessValuesNode } from './process-values-node.js';
import type { RepartitionNode } from './repartition-node.js';
import type { SelectKeyNode } from './select-key-node.js';
import type { StateStoreNode } from './state-store-node.js';
import type { StreamAggregateNode } from './stream-aggregate-node.js';
import type { StreamSinkNode } from './stream-sink-node.js';
import type { StreamSourceNode } from './stream-source-node.js';
import type { StreamToTableNode } from './stream-to-table-node.js';
import type { TableAggregateNode } from './table-aggregate-node.js';
import type { TableFilterNode } from './table-filter-node.js';
import type { TableGroupByNode } from './table-group-by-node.js';
import type { TableMapValuesNode } from './table-map-values-node.js';
import type { TableTransformValuesNode } from './table-transform-values-node.js';
import type { TableRepartitionNode } from './table-repartition-node.js';
import type { TableSourceNode } from './table-source-node.js';
import type { TableToStreamNode } from './table-to-stream-node.js';
import type { TableSuppressNode } from './table-suppress-node.js';
import type { WindowAggregateNode } from './window-aggregate-node.js';

/**
 * Every kind of graph node. Adding a kind here makes every `GraphVisitor` fail to compile
 * until it handles the new kind.
 */
export type GraphNode =
  | StreamSourceNode
  | TableSourceNode
  | StateStoreNode
  | GlobalTableSourceNode
  | StreamTableJoinNode
  | TableTableJoinNode
  | ForeignKeyJoinNode
  | StreamStreamJoinNode
  | FilterNode
  | MapNode
  | SelectKeyNode
  | MapValuesNode
  | FlatMapNode
  | FlatMapValuesNode
  | PeekNode
  | ForeachNode
  | MergeNode
  | BranchNode
  | PassThroughNode
  | ProcessNode
  | ProcessValuesNode
  | StreamSinkNode
  | RepartitionNode
  | StreamToTableNode
  | StreamAggregateNode
  | CogroupMergeNode
  | TableFilterNode
  | TableMapValuesNode
  | TableTransformValuesNode
  | TableToStreamNode
  | TableGroupByNode
  | TableRepartitionNode
  | TableAggregateNode
  | WindowAggregateNode
  | TableSuppressNode;

/** The discriminant of `GraphNode`. */
export type GraphNodeKind = GraphNode['kind'];

/** A visitor with one method per node kind (exhaustive by construction). */
export type GraphVisitor<R, C = void> = {
  readonly [K in GraphNodeKind]: (node: Extract<GraphNode, { kind: K }>, context: C) => R;
};

/** Calls the visitor's method for the node's kind. */
export function visitNode<R, C>(visitor: GraphVisitor<R, C>, node: GraphNode, context: C): R {
  return (visitor[node.kind] as (n: GraphNode, c: C) => R)(node, context);
}
