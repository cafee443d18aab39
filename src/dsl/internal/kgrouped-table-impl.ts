// Kafka: KGroupedTableImpl
import type { Serde } from '../../serdes/serde.js';
import { Serdes } from '../../serdes/serdes.js';
import type { GraphNode } from '../../topology/graph/graph-node.js';
import type { TableAggregation } from '../../topology/graph/table-aggregation.js';
import { TableAggregateNode } from '../../topology/graph/table-aggregate-node.js';
import { TableRepartitionNode } from '../../topology/graph/table-repartition-node.js';
import type { Aggregator, Initializer, Reducer } from '../functions.js';
import type { KGroupedTable } from '../kgrouped-table.js';
import type { KTable } from '../ktable.js';
import { Materialized } from '../materialized.js';
import type { Named } from '../named.js';
import { splitNamedAndMaterialized } from './arguments.js';
import type { DslGraphBuilder } from './dsl-graph-builder.js';
import { KTableImpl } from './ktable-impl.js';
import { materializedInternal, toStoreSpec, type MaterializedInternal } from './materialized-internal.js';

/** How a table was re-grouped. */
export interface TableGrouping {
  readonly keySerde: Serde<any> | null;
  readonly valueSerde: Serde<any> | null;
  readonly repartitionName: string | null;
}

const COUNT: TableAggregation = {
  type: 'aggregate',
  initializer: () => 0,
  adder: (_k, _v, count: number) => count + 1,
  subtractor: (_k, _v, count: number) => count - 1,
};

/** The immutable `KGroupedTable`: the `KTABLE-SELECT` node and how it groups. */
export class KGroupedTableImpl<K, V> implements KGroupedTable<K, V> {
  constructor(
    readonly builder: DslGraphBuilder,
    readonly node: GraphNode,
    readonly grouping: TableGrouping,
  ) {}

  count(named?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<K, number> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const mi = materializedInternal(m ?? Materialized.with(this.grouping.keySerde, Serdes.Long()), this.builder, 'KTABLE-AGGREGATE-');
    return this.build(n, 'KTABLE-AGGREGATE-', COUNT, mi, { keySerde: this.grouping.keySerde, valueSerde: Serdes.Long() });
  }

  reduce(adder: Reducer<V>, subtractor: Reducer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const mi = materializedInternal(m ?? Materialized.with(this.grouping.keySerde, this.grouping.valueSerde), this.builder, 'KTABLE-AGGREGATE-');
    const serdes = { keySerde: this.grouping.keySerde, valueSerde: this.grouping.valueSerde };
    return this.build(n, 'KTABLE-REDUCE-', { type: 'reduce', adder, subtractor }, mi, serdes);
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    adder: Aggregator<K, V, VA>,
    subtractor: Aggregator<K, V, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<K, VA> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const mi = materializedInternal(m ?? Materialized.with(this.grouping.keySerde, null), this.builder, 'KTABLE-AGGREGATE-');
    return this.build(n, 'KTABLE-AGGREGATE-', { type: 'aggregate', initializer, adder, subtractor }, mi, { keySerde: this.grouping.keySerde });
  }

  private build<VA>(
    named: Named | undefined,
    prefix: string,
    aggregation: TableAggregation,
    mi: MaterializedInternal,
    serdes: { keySerde?: Serde<any> | null; valueSerde?: Serde<any> | null },
  ): KTable<K, VA> {
    const given = named?.name ?? null;
    const store = toStoreSpec(mi, serdes);
    const sinkName = this.builder.suffixedOrGenerate(given, '-sink', 'KSTREAM-SINK-');
    const sourceName = this.builder.suffixedOrGenerate(given, '-source', 'KSTREAM-SOURCE-');
    const name = this.builder.nameOrGenerate(given, prefix);
    const repartition = this.repartition(sinkName, sourceName, store);
    const node = this.builder.add(
      TableAggregateNode.create({ id: this.builder.nextId(), name, parents: [repartition.id], aggregation, store }),
    );
    return new KTableImpl<K, VA>(this.builder, node, store.keySerde, store.valueSerde, [sourceName], store.generatedName ? null : store.name);
  }

  /** The repartition; reused by later aggregations when the user named the topic (as in Kafka). */
  private repartition(sinkName: string, name: string, store: { name: string; generatedName: boolean }): GraphNode {
    const given = this.grouping.repartitionName;
    let shared = this.builder.sharedRepartitions.get(this);
    if (shared === undefined) this.builder.sharedRepartitions.set(this, (shared = new Map()));
    const existing = given === null ? undefined : shared.get(this);
    if (existing !== undefined) return this.builder.node(existing);
    const node = this.builder.add(
      TableRepartitionNode.create({
        id: this.builder.nextId(),
        name,
        parents: [this.node.id],
        sinkName,
        topic: `${given ?? store.name}-repartition`,
        generatedTopic: given === null && store.generatedName,
        keySerde: this.grouping.keySerde,
        valueSerde: this.grouping.valueSerde,
      }),
    );
    shared.set(this, node.id);
    return node;
  }
}
