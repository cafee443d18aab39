// Kafka: CogroupedKStreamImpl + CogroupedStreamAggregateBuilder
import { CogroupMergeNode } from '../../topology/graph/cogroup-merge-node.js';
import type { GraphNode } from '../../topology/graph/graph-node.js';
import { StreamAggregateNode } from '../../topology/graph/stream-aggregate-node.js';
import type { CogroupedKStream } from '../cogrouped-kstream.js';
import type { Aggregator, Initializer } from '../functions.js';
import type { KGroupedStream } from '../kgrouped-stream.js';
import type { KTable } from '../ktable.js';
import { Materialized } from '../materialized.js';
import type { Named } from '../named.js';
import { splitNamedAndMaterialized } from './arguments.js';
import type { KGroupedStreamImpl } from './kgrouped-stream-impl.js';
import { KTableImpl } from './ktable-impl.js';
import { materializedInternal, toStoreSpec } from './materialized-internal.js';
import { WindowedCogroupedKStreamImpl } from './windowed-cogrouped-kstream-impl.js';
import type { Serde } from '../../serdes/serde.js';
import type { SessionWindows } from '../../windows/session-windows.js';
import type { SlidingWindows } from '../../windows/sliding-windows.js';
import type { TimeWindows } from '../../windows/time-windows.js';
import type { SessionWindowedCogroupedKStream, TimeWindowedCogroupedKStream } from '../windowed-cogrouped-kstream.js';

interface CogroupInput {
  readonly grouped: KGroupedStreamImpl<any, any>;
  readonly aggregator: Aggregator<any, any, any>;
}

/** The immutable `CogroupedKStream`: the inputs so far, sharing one identity for repartition reuse. */
export class CogroupedKStreamImpl<K, VOut> implements CogroupedKStream<K, VOut> {
  private constructor(
    private readonly first: KGroupedStreamImpl<K, any>,
    private readonly inputs: readonly CogroupInput[],
    /** Shared by every cogroup derived from the same `KGroupedStream.cogroup()` call. */
    private readonly identity: object,
  ) {}

  static start<K, VOut>(first: KGroupedStreamImpl<K, any>): CogroupedKStreamImpl<K, VOut> {
    return new CogroupedKStreamImpl<K, VOut>(first, [], {});
  }

  cogroup<VIn>(groupedStream: KGroupedStream<K, VIn>, aggregator: Aggregator<K, VIn, VOut>): CogroupedKStream<K, VOut> {
    const grouped = groupedStream as KGroupedStreamImpl<K, VIn>;
    this.first.builder.checkOwn(grouped, 'The grouped stream passed to cogroup()');
    // A stream cogrouped twice keeps its position and takes the latest aggregator (Kafka's LinkedHashMap).
    const index = this.inputs.findIndex((i) => i.grouped === grouped);
    const input = { grouped, aggregator };
    const inputs = index < 0 ? [...this.inputs, input] : this.inputs.map((i, n) => (n === index ? input : i));
    return new CogroupedKStreamImpl<K, VOut>(this.first, inputs, this.identity);
  }

  aggregate(initializer: Initializer<VOut>, named?: Named | Materialized<K, VOut>, materialized?: Materialized<K, VOut>): KTable<K, VOut> {
    const builder = this.first.builder;
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const mi = materializedInternal(m ?? Materialized.with(null, null), builder, 'COGROUPKSTREAM-AGGREGATE-');
    // Kafka leaves the key serde to the default here; the first input's key serde is a safer fallback.
    const store = toStoreSpec(mi, { keySerde: this.first.grouping.keySerde });
    const merge = this.buildNodes(n?.name ?? null, store.name, store.generatedName, (base, aggregator, i) =>
      StreamAggregateNode.create({ ...base, aggregation: { type: 'aggregate', initializer, aggregator }, storeName: store.name, store: i === 0 ? store : null }),
    );
    return new KTableImpl<K, VOut>(builder, merge, store.keySerde, store.valueSerde, [merge.name], store.generatedName ? null : store.name);
  }

  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedCogroupedKStream<K, VOut>;
  windowedBy(windows: SessionWindows): SessionWindowedCogroupedKStream<K, VOut>;
  windowedBy(windows: TimeWindows | SlidingWindows | SessionWindows): TimeWindowedCogroupedKStream<K, VOut> | SessionWindowedCogroupedKStream<K, VOut> {
    return new WindowedCogroupedKStreamImpl<K, VOut>(this, windows);
  }

  /** The key serde a cogroup's store falls back to: the first input's. */
  get firstKeySerde(): Serde<K> | null {
    return this.first.grouping.keySerde as Serde<K> | null;
  }

  /**
   * Writes the cogroup: each input's repartition (shared within this cogroup), one aggregate
   * node per input made by `makeNode` (the first adds the store), then the merge node, which
   * is returned. Names follow Kafka: `<name>-cogroup-agg-<i>` and `<name>-cogroup-merge`.
   */
  buildNodes(
    given: string | null,
    storeName: string,
    storeGenerated: boolean,
    makeNode: (base: { id: number; name: string; parents: number[] }, aggregator: Aggregator<any, any, any>, index: number) => GraphNode,
  ): GraphNode {
    const builder = this.first.builder;
    const parents = new Map<KGroupedStreamImpl<any, any>, GraphNode>();
    for (const { grouped } of this.inputs) parents.set(grouped, grouped.repartitionParent(storeName, storeGenerated, this.identity));
    builder.copartition(this.inputs.flatMap((i) => i.grouped.sourceNodes));
    const aggregates = this.inputs.map(({ grouped, aggregator }, i) => {
      const name = builder.suffixedOrGenerate(given, `-cogroup-agg-${i}`, 'COGROUPKSTREAM-AGGREGATE-');
      return builder.add(makeNode({ id: builder.nextId(), name, parents: [parents.get(grouped)!.id] }, aggregator, i));
    });
    const mergeName = builder.suffixedOrGenerate(given, '-cogroup-merge', 'COGROUPKSTREAM-MERGE-');
    return builder.add(CogroupMergeNode.create({ id: builder.nextId(), name: mergeName, parents: aggregates.map((a) => a.id), storeName }));
  }
}
