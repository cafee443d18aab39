// Kafka: KGroupedStreamImpl + GroupedStreamAggregateBuilder
import type { Serde } from '../../serdes/serde.js';
import { Serdes } from '../../serdes/serdes.js';
import type { GraphNode } from '../../topology/graph/graph-node.js';
import type { StreamAggregation } from '../../topology/graph/stream-aggregation.js';
import { StreamAggregateNode } from '../../topology/graph/stream-aggregate-node.js';
import type { Aggregator, Initializer, Reducer } from '../functions.js';
import type { CogroupedKStream } from '../cogrouped-kstream.js';
import type { KGroupedStream } from '../kgrouped-stream.js';
import type { KTable } from '../ktable.js';
import { Materialized } from '../materialized.js';
import type { Named } from '../named.js';
import { splitNamedAndMaterialized } from './arguments.js';
import { CogroupedKStreamImpl } from './cogrouped-kstream-impl.js';
import type { DslGraphBuilder } from './dsl-graph-builder.js';
import { KTableImpl } from './ktable-impl.js';
import { materializedInternal, toStoreSpec, type MaterializedInternal } from './materialized-internal.js';
import { createRepartition } from './repartition-source.js';
import { SessionWindowedKStreamImpl } from './session-windowed-kstream-impl.js';
import { TimeWindowedKStreamImpl } from './time-windowed-kstream-impl.js';
import type { SessionWindowedKStream } from '../session-windowed-kstream.js';
import type { TimeWindowedKStream } from '../time-windowed-kstream.js';
import { SessionWindows } from '../../windows/session-windows.js';
import { SlidingWindows } from '../../windows/sliding-windows.js';
import { TimeWindows } from '../../windows/time-windows.js';
import { TopologyError } from '../../errors/topology-error.js';

/** How a grouped stream was grouped. */
export interface Grouping {
  readonly keySerde: Serde<any> | null;
  readonly valueSerde: Serde<any> | null;
  /** `Grouped.as(name)`: names the repartition topic. */
  readonly repartitionName: string | null;
  readonly repartitionRequired: boolean;
}

const COUNT: StreamAggregation = { type: 'aggregate', initializer: () => 0, aggregator: (_k, _v, count: number) => count + 1 };

/** The immutable `KGroupedStream`: the stream's node and how it is grouped. */
export class KGroupedStreamImpl<K, V> implements KGroupedStream<K, V> {
  readonly builder: DslGraphBuilder;
  /** Source nodes of the grouped stream's sub-topology (before any repartition). */
  readonly sourceNodes: readonly string[];

  constructor(
    stream: { readonly builder: DslGraphBuilder; readonly sourceNodes: readonly string[] },
    readonly node: GraphNode,
    readonly grouping: Grouping,
  ) {
    this.builder = stream.builder;
    this.sourceNodes = stream.sourceNodes;
  }

  count(named?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<K, number> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    // Kafka burns a name here when a Materialized without a store name is passed (compatibility).
    if (m !== undefined && m.storeName === null && m.storeSupplier === null) this.builder.newStoreName('KSTREAM-AGGREGATE-');
    const mi = materializedInternal(m ?? Materialized.with(this.grouping.keySerde, Serdes.Long()), this.builder, 'KSTREAM-AGGREGATE-');
    const name = this.builder.nameOrGenerate(n?.name ?? null, 'KSTREAM-AGGREGATE-');
    return this.build(name, COUNT, mi, { keySerde: this.grouping.keySerde, valueSerde: Serdes.Long() });
  }

  reduce(reducer: Reducer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const mi = materializedInternal(m ?? Materialized.with(this.grouping.keySerde, this.grouping.valueSerde), this.builder, 'KSTREAM-REDUCE-');
    const name = this.builder.nameOrGenerate(n?.name ?? null, 'KSTREAM-REDUCE-');
    return this.build(name, { type: 'reduce', reducer }, mi, { keySerde: this.grouping.keySerde, valueSerde: this.grouping.valueSerde });
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<K, VA> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const mi = materializedInternal(m ?? Materialized.with(this.grouping.keySerde, null), this.builder, 'KSTREAM-AGGREGATE-');
    const name = this.builder.nameOrGenerate(n?.name ?? null, 'KSTREAM-AGGREGATE-');
    return this.build(name, { type: 'aggregate', initializer, aggregator }, mi, { keySerde: this.grouping.keySerde });
  }

  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedKStream<K, V>;
  windowedBy(windows: SessionWindows): SessionWindowedKStream<K, V>;
  windowedBy(windows: TimeWindows | SlidingWindows | SessionWindows): TimeWindowedKStream<K, V> | SessionWindowedKStream<K, V> {
    if (windows instanceof SessionWindows) return new SessionWindowedKStreamImpl(this, windows);
    if (windows instanceof TimeWindows || windows instanceof SlidingWindows) return new TimeWindowedKStreamImpl(this, windows);
    throw new TopologyError([{ code: 'invalid-argument', message: 'windowedBy() takes TimeWindows, SlidingWindows or SessionWindows.' }]);
  }

  cogroup<VOut>(aggregator: Aggregator<K, V, VOut>): CogroupedKStream<K, VOut> {
    return CogroupedKStreamImpl.start<K, VOut>(this).cogroup(this, aggregator);
  }

  /**
   * The node to aggregate from: this stream's, or a repartition of it (three names are
   * burned either way). Kafka reuses one repartition for all aggregations of a grouping
   * whose topic the user named, and for all aggregations of one cogroup (`cogroup` is that
   * cogroup's identity); otherwise each aggregation gets its own topic.
   */
  repartitionParent(storeName: string, storeNameGenerated: boolean, cogroup?: object): GraphNode {
    if (!this.grouping.repartitionRequired) return this.node;
    const given = this.grouping.repartitionName;
    const candidate = createRepartition(this.builder, this.node.id, {
      prefix: given ?? storeName,
      generated: given === null && storeNameGenerated,
      keySerde: this.grouping.keySerde,
      valueSerde: this.grouping.valueSerde,
      optimizable: true,
    });
    const owner = cogroup ?? this;
    let shared = this.builder.sharedRepartitions.get(owner);
    if (shared === undefined) this.builder.sharedRepartitions.set(owner, (shared = new Map()));
    const existing = cogroup !== undefined || given !== null ? shared.get(this) : undefined;
    if (existing !== undefined) return this.builder.node(existing);
    const node = this.builder.add(candidate);
    shared.set(this, node.id);
    return node;
  }

  private build<VA>(name: string, aggregation: StreamAggregation, mi: MaterializedInternal, serdes: { keySerde?: Serde<any> | null; valueSerde?: Serde<any> | null }): KTable<K, VA> {
    const store = toStoreSpec(mi, serdes);
    const parent = this.repartitionParent(store.name, store.generatedName);
    const node = this.builder.add(
      StreamAggregateNode.create({ id: this.builder.nextId(), name, parents: [parent.id], aggregation, storeName: store.name, store }),
    );
    const sourceNodes = parent === this.node ? this.sourceNodes : [parent.name];
    return new KTableImpl<K, VA>(this.builder, node, store.keySerde, store.valueSerde, sourceNodes, store.generatedName ? null : store.name);
  }
}
