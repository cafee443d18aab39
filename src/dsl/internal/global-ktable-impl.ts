// Kafka: GlobalKTableImpl
import type { GraphNode } from '../../topology/graph/graph-node.js';
import type { GlobalKTable } from '../global-ktable.js';
import type { DslGraphBuilder } from './dsl-graph-builder.js';

/** The immutable `GlobalKTable`: its source node (which owns the store) and queryable name. */
export class GlobalKTableImpl<K, V> implements GlobalKTable<K, V> {
  readonly global = true as const;

  constructor(
    readonly builder: DslGraphBuilder,
    readonly node: GraphNode,
    private readonly storeName: string | null,
  ) {}

  queryableStoreName(): string | null {
    return this.storeName;
  }
}
