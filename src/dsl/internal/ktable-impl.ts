// Kafka: KTableImpl
import type { Serde } from '../../serdes/serde.js';
import type { KeyValue } from '../../state/key-value.js';
import type { GraphNode } from '../../topology/graph/graph-node.js';
import { TableFilterNode } from '../../topology/graph/table-filter-node.js';
import { TableGroupByNode } from '../../topology/graph/table-group-by-node.js';
import { TableMapValuesNode } from '../../topology/graph/table-map-values-node.js';
import { TableToStreamNode } from '../../topology/graph/table-to-stream-node.js';
import { TableTransformValuesNode } from '../../topology/graph/table-transform-values-node.js';
import type { ValueTransformerWithKeySupplier } from '../../processor/value-transformer-with-key.js';
import type { KeyValueMapper, Predicate, ValueMapper } from '../functions.js';
import type { Grouped } from '../grouped.js';
import type { KGroupedTable } from '../kgrouped-table.js';
import type { KStream } from '../kstream.js';
import type { KTable } from '../ktable.js';
import type { Materialized } from '../materialized.js';
import { Named } from '../named.js';
import { TopologyError } from '../../errors/topology-error.js';
import { splitNamedAndMaterialized, splitTransformValuesArguments } from './arguments.js';
import { foreignKeyJoin, tableTableJoin } from './table-joins.js';
import type { DslGraphBuilder } from './dsl-graph-builder.js';
import { KGroupedTableImpl } from './kgrouped-table-impl.js';
import { KStreamImpl } from './kstream-impl.js';
import { materializedInternal, toStoreSpec, type MaterializedInternal } from './materialized-internal.js';
import { suppressTable } from './suppress.js';
import type { Suppressed } from '../suppressed.js';

/** The immutable `KTable`: a graph node emitting changes, its serdes and its queryable store. */
export class KTableImpl<K, V> implements KTable<K, V> {
  constructor(
    readonly builder: DslGraphBuilder,
    readonly node: GraphNode,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly sourceNodes: readonly string[],
    private readonly storeName: string | null,
  ) {}

  queryableStoreName(): string | null {
    return this.storeName;
  }

  filter(predicate: Predicate<K, V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    return this.doFilter(predicate, false, named, materialized);
  }

  filterNot(predicate: Predicate<K, V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    return this.doFilter(predicate, true, named, materialized);
  }

  private doFilter(predicate: Predicate<K, V>, negate: boolean, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const mi = this.optionalStore(m, 'KTABLE-FILTER-');
    const keySerde = (mi?.keySerde ?? this.keySerde) as Serde<K> | null;
    const valueSerde = (mi?.valueSerde ?? this.valueSerde) as Serde<V> | null;
    const store = mi?.name ? toStoreSpec(mi, { keySerde, valueSerde }) : null;
    const name = this.builder.nameOrGenerate(n?.name ?? null, 'KTABLE-FILTER-');
    const node = this.builder.add(
      TableFilterNode.create({ id: this.builder.nextId(), name, parents: [this.node.id], predicate, negate, store }),
    );
    return new KTableImpl(this.builder, node, keySerde, valueSerde, this.sourceNodes, store?.name ?? null);
  }

  mapValues<VR>(mapper: ValueMapper<V, VR, K>, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const mi = this.optionalStore(m, 'KTABLE-MAPVALUES-');
    const keySerde = (mi?.keySerde ?? this.keySerde) as Serde<K> | null;
    const valueSerde = (mi?.valueSerde ?? null) as Serde<VR> | null;
    const store = mi?.name ? toStoreSpec(mi, { keySerde }) : null;
    const name = this.builder.nameOrGenerate(n?.name ?? null, 'KTABLE-MAPVALUES-');
    const node = this.builder.add(
      TableMapValuesNode.create({ id: this.builder.nextId(), name, parents: [this.node.id], mapper, store }),
    );
    return new KTableImpl(this.builder, node, keySerde, valueSerde, this.sourceNodes, store?.name ?? null);
  }

  transformValues<VR>(supplier: ValueTransformerWithKeySupplier<K, V, VR>, ...rest: (Materialized<K, VR> | Named | string)[]): KTable<K, VR> {
    const [m, n, storeNames] = splitTransformValuesArguments(rest);
    // Java's MaterializedInternal without a builder: an unnamed Materialized burns no store name.
    const mi = m === undefined ? null : materializedInternal(m);
    const keySerde = (mi?.keySerde ?? this.keySerde) as Serde<K> | null;
    const valueSerde = (mi?.valueSerde ?? null) as Serde<VR> | null;
    const store = mi?.name ? toStoreSpec(mi, { keySerde }) : null;
    const name = this.builder.nameOrGenerate(n?.name ?? null, 'KTABLE-TRANSFORMVALUES-');
    const node = this.builder.add(
      TableTransformValuesNode.create({ id: this.builder.nextId(), name, parents: [this.node.id], supplier, storeNames, store }),
    );
    return new KTableImpl(this.builder, node, keySerde, valueSerde, this.sourceNodes, store?.name ?? null);
  }

  /**
   * Table operators materialize only under a user-given name. An unnamed `Materialized`
   * still burns a store name (Kafka keeps the counter compatible).
   */
  private optionalStore(m: Materialized<any, any> | undefined, prefix: string): MaterializedInternal | null {
    if (m === undefined) return null;
    const mi = materializedInternal(m);
    if (mi.name === null) this.builder.newStoreName(prefix);
    return mi;
  }

  suppress(suppressed: Suppressed<K>): KTable<K, V> {
    return suppressTable(this, suppressed);
  }

  toStream(named?: Named): KStream<K, V>;
  toStream<KR>(mapper: KeyValueMapper<K, V, KR>, named?: Named): KStream<KR, V>;
  toStream<KR>(first?: Named | KeyValueMapper<K, V, KR>, second?: Named): KStream<K, V> | KStream<KR, V> {
    const mapper = first instanceof Named || first === undefined ? null : first;
    const named = mapper === null ? (first as Named | undefined) : second;
    const name = this.builder.nameOrGenerate(named?.name ?? null, 'KTABLE-TOSTREAM-');
    const node = this.builder.add(TableToStreamNode.create({ id: this.builder.nextId(), name, parents: [this.node.id] }));
    const stream = new KStreamImpl<K, V>(this.builder, node, this.keySerde, this.valueSerde, this.sourceNodes, false);
    return mapper === null ? stream : stream.selectKey<KR>(mapper);
  }

  join(other: KTable<any, any>, ...args: any[]): KTable<K, any> {
    return this.doJoin(other, args, 'inner');
  }

  leftJoin(other: KTable<any, any>, ...args: any[]): KTable<K, any> {
    return this.doJoin(other, args, 'left');
  }

  outerJoin(other: KTable<any, any>, ...args: any[]): KTable<K, any> {
    return this.doJoin(other, args, 'outer');
  }

  /** A second function argument makes it a foreign-key join (extractor, then joiner). */
  private doJoin(other: KTable<any, any>, args: any[], joinType: 'inner' | 'left' | 'outer'): KTable<K, any> {
    if (!(other instanceof KTableImpl)) {
      throw new TopologyError([{ code: 'invalid-argument', message: 'KTable joins take another KTable (join a KStream from the stream side: stream.join(table, joiner)).' }]);
    }
    const o = other as KTableImpl<any, any>;
    if (typeof args[1] === 'function' && joinType !== 'outer') return foreignKeyJoin(this, o, args[0], args[1], args[2], args[3], joinType === 'left');
    return tableTableJoin(this, o, args[0], joinType, args[1], args[2]);
  }

  groupBy<KR, VR>(selector: KeyValueMapper<K, V, KeyValue<KR, VR>>, grouped?: Grouped<KR, VR>): KGroupedTable<KR, VR> {
    const name = this.builder.nameOrGenerate(grouped?.name ?? null, 'KTABLE-SELECT-');
    const node = this.builder.add(TableGroupByNode.create({ id: this.builder.nextId(), name, parents: [this.node.id], selector }));
    return new KGroupedTableImpl<KR, VR>(this.builder, node, {
      keySerde: grouped?.keySerde ?? null,
      valueSerde: grouped?.valueSerde ?? null,
      repartitionName: grouped?.name ?? null,
    });
  }
}

