// Kafka: KStreamImpl
import type { Serde } from '../../serdes/serde.js';
import type { FixedKeyProcessorSupplier, ProcessorSupplier } from '../../processor/processor.js';
import type { TopicNameExtractor } from '../../processor/topic-name-extractor.js';
import type { KeyValue } from '../../state/key-value.js';
import type { GraphNode } from '../../topology/graph/graph-node.js';
import { FilterNode } from '../../topology/graph/filter-node.js';
import { FlatMapNode } from '../../topology/graph/flat-map-node.js';
import { FlatMapValuesNode } from '../../topology/graph/flat-map-values-node.js';
import { ForeachNode } from '../../topology/graph/foreach-node.js';
import { MapNode } from '../../topology/graph/map-node.js';
import { MapValuesNode } from '../../topology/graph/map-values-node.js';
import { MergeNode } from '../../topology/graph/merge-node.js';
import { PeekNode } from '../../topology/graph/peek-node.js';
import { ProcessNode } from '../../topology/graph/process-node.js';
import { ProcessValuesNode } from '../../topology/graph/process-values-node.js';
import { SelectKeyNode } from '../../topology/graph/select-key-node.js';
import { StreamSinkNode } from '../../topology/graph/stream-sink-node.js';
import { StreamToTableNode } from '../../topology/graph/stream-to-table-node.js';
import type { BranchedKStream } from '../branched-kstream.js';
import type { ForeachAction, KeyValueMapper, Predicate, ValueJoiner, ValueMapper } from '../functions.js';
import type { Grouped } from '../grouped.js';
import type { KGroupedStream } from '../kgrouped-stream.js';
import type { KStream } from '../kstream.js';
import type { KTable } from '../ktable.js';
import { Materialized } from '../materialized.js';
import { Named } from '../named.js';
import type { Printed } from '../printed.js';
import { KStreamPrintProcessor } from '../../processor/builtin/kstream-print-processor.js';
import { TopologyError } from '../../errors/topology-error.js';
import type { Produced } from '../produced.js';
import type { Repartitioned } from '../repartitioned.js';
import { BranchedKStreamImpl } from './branched-kstream-impl.js';
import type { DslGraphBuilder } from './dsl-graph-builder.js';
import { KGroupedStreamImpl } from './kgrouped-stream-impl.js';
import { KTableImpl } from './ktable-impl.js';
import { materializedInternal, toStoreSpec } from './materialized-internal.js';
import { createRepartition } from './repartition-source.js';
import { splitNamedAndMaterialized, splitNamedAndStores } from './arguments.js';
import { joinWith, streamStreamJoin } from './stream-joins.js';
import type { JoinWindows } from '../../windows/join-windows.js';
import type { StreamJoined } from '../stream-joined.js';

/** The immutable `KStream`: a graph node plus what flows out of it (serdes, repartition flag). */
export class KStreamImpl<K, V> implements KStream<K, V> {
  constructor(
    readonly builder: DslGraphBuilder,
    readonly node: GraphNode,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    /** Source nodes feeding this stream's sub-topology (for co-partitioning). */
    readonly sourceNodes: readonly string[],
    /** True after a key change: the next grouping or `toTable` repartitions. */
    readonly repartitionRequired: boolean,
  ) {}

  private derive<K2, V2>(node: GraphNode, keySerde: Serde<K2> | null, valueSerde: Serde<V2> | null, repartitionRequired: boolean): KStreamImpl<K2, V2> {
    return new KStreamImpl(this.builder, this.builder.add(node), keySerde, valueSerde, this.sourceNodes, repartitionRequired);
  }

  private nodeProps(named: Named | string | null | undefined, prefix: string): { id: number; name: string; parents: number[] } {
    const given = named instanceof Named ? named.name : (named ?? null);
    const name = this.builder.nameOrGenerate(given, prefix);
    return { id: this.builder.nextId(), name, parents: [this.node.id] };
  }

  filter(predicate: Predicate<K, V>, named?: Named): KStream<K, V> {
    const node = FilterNode.create({ ...this.nodeProps(named, 'KSTREAM-FILTER-'), predicate, negate: false });
    return this.derive(node, this.keySerde, this.valueSerde, this.repartitionRequired);
  }

  filterNot(predicate: Predicate<K, V>, named?: Named): KStream<K, V> {
    const node = FilterNode.create({ ...this.nodeProps(named, 'KSTREAM-FILTER-'), predicate, negate: true });
    return this.derive(node, this.keySerde, this.valueSerde, this.repartitionRequired);
  }

  map<KR, VR>(mapper: KeyValueMapper<K, V, KeyValue<KR, VR>>, named?: Named): KStream<KR, VR> {
    const node = MapNode.create({ ...this.nodeProps(named, 'KSTREAM-MAP-'), mapper });
    return this.derive<KR, VR>(node, null, null, true);
  }

  mapValues<VR>(mapper: ValueMapper<V, VR, K>, named?: Named): KStream<K, VR> {
    const node = MapValuesNode.create({ ...this.nodeProps(named, 'KSTREAM-MAPVALUES-'), mapper });
    return this.derive<K, VR>(node, this.keySerde, null, this.repartitionRequired);
  }

  flatMap<KR, VR>(mapper: KeyValueMapper<K, V, Iterable<KeyValue<KR, VR>>>, named?: Named): KStream<KR, VR> {
    const node = FlatMapNode.create({ ...this.nodeProps(named, 'KSTREAM-FLATMAP-'), mapper });
    return this.derive<KR, VR>(node, null, null, true);
  }

  flatMapValues<VR>(mapper: ValueMapper<V, Iterable<VR>, K>, named?: Named): KStream<K, VR> {
    const node = FlatMapValuesNode.create({ ...this.nodeProps(named, 'KSTREAM-FLATMAPVALUES-'), mapper });
    return this.derive<K, VR>(node, this.keySerde, null, this.repartitionRequired);
  }

  selectKey<KR>(mapper: KeyValueMapper<K, V, KR>, named?: Named): KStream<KR, V> {
    const node = SelectKeyNode.create({ ...this.nodeProps(named, 'KSTREAM-KEY-SELECT-'), selector: mapper });
    return this.derive<KR, V>(node, null, this.valueSerde, true);
  }

  peek(action: ForeachAction<K, V>, named?: Named): KStream<K, V> {
    const node = PeekNode.create({ ...this.nodeProps(named, 'KSTREAM-PEEK-'), action });
    return this.derive(node, this.keySerde, this.valueSerde, this.repartitionRequired);
  }

  foreach(action: ForeachAction<K, V>, named?: Named): void {
    this.builder.add(ForeachNode.create({ ...this.nodeProps(named, 'KSTREAM-FOREACH-'), action }));
  }

  print(printed: Printed<K, V>): void {
    const props = this.nodeProps(printed.processorName, 'KSTREAM-PRINTER-');
    const label = printed.label ?? props.name;
    const supplier = (): KStreamPrintProcessor => new KStreamPrintProcessor(printed.target, label, printed.mapper);
    this.builder.add(ProcessNode.create({ ...props, supplier, storeNames: [] }));
  }

  merge(stream: KStream<K, V>, named?: Named): KStream<K, V> {
    const other = stream as KStreamImpl<K, V>;
    this.builder.checkOwn(other, 'The stream passed to merge()');
    const name = this.builder.nameOrGenerate(named?.name ?? null, 'KSTREAM-MERGE-');
    // Merging a stream with itself connects it once (Kafka's parents are a set).
    const parents = [...new Set([this.node.id, other.node.id])];
    const node = this.builder.add(MergeNode.create({ id: this.builder.nextId(), name, parents }));
    // Neither serde is safe for both inputs; the flag carries over from either side.
    const sources = [...new Set([...this.sourceNodes, ...other.sourceNodes])];
    return new KStreamImpl<K, V>(this.builder, node, null, null, sources, this.repartitionRequired || other.repartitionRequired);
  }

  split(named?: Named): BranchedKStream<K, V> {
    return BranchedKStreamImpl.create(this, named?.name ?? null);
  }

  to(topic: string | TopicNameExtractor<K, V>, produced?: Produced<K, V>): void {
    const name = this.builder.nameOrGenerate(produced?.name ?? null, 'KSTREAM-SINK-');
    this.builder.add(
      StreamSinkNode.create({
        id: this.builder.nextId(),
        name,
        parents: [this.node.id],
        topic,
        keySerde: produced?.keySerde ?? this.keySerde,
        valueSerde: produced?.valueSerde ?? this.valueSerde,
        partitioner: produced?.partitioner ?? null,
      }),
    );
  }

  repartition(repartitioned?: Repartitioned<K, V>): KStream<K, V> {
    const given = repartitioned?.name ?? null;
    const prefix = given ?? this.builder.newProcessorName('KSTREAM-REPARTITION-');
    // Kafka gives the topic only Repartitioned's key serde; we fall back to the stream's, as
    // it does for the value serde, so a typed stream needs no default key serde here.
    const keySerde = repartitioned?.keySerde ?? this.keySerde;
    const valueSerde = repartitioned?.valueSerde ?? this.valueSerde;
    const node = this.builder.add(
      createRepartition(this.builder, this.node.id, {
        prefix,
        generated: given === null,
        keySerde,
        valueSerde,
        partitioner: repartitioned?.partitioner ?? null,
        numPartitions: repartitioned?.numberOfPartitions ?? null,
        optimizable: false,
      }),
    );
    return new KStreamImpl(this.builder, node, keySerde, valueSerde, [node.name], false);
  }

  toTable(named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const given = n?.name ?? null;
    const name = this.builder.nameOrGenerate(given, 'KSTREAM-TOTABLE-');
    const mi = materializedInternal(m ?? Materialized.with(this.keySerde, this.valueSerde), this.builder, 'KSTREAM-TOTABLE-');
    const keySerde = (mi.keySerde ?? this.keySerde) as Serde<K> | null;
    const valueSerde = (mi.valueSerde ?? this.valueSerde) as Serde<V> | null;
    let parent = this.node.id;
    let sourceNodes = this.sourceNodes;
    if (this.repartitionRequired) {
      const repartition = this.builder.add(
        createRepartition(this.builder, parent, { prefix: name, generated: given === null, keySerde, valueSerde, optimizable: true }),
      );
      parent = repartition.id;
      sourceNodes = [repartition.name];
    }
    const node = this.builder.add(
      StreamToTableNode.create({ id: this.builder.nextId(), name, parents: [parent], store: toStoreSpec(mi, { keySerde, valueSerde }) }),
    );
    return new KTableImpl<K, V>(this.builder, node, keySerde, valueSerde, sourceNodes, mi.generatedName ? null : mi.name);
  }

  join(other: unknown, ...args: any[]): KStream<K, any> {
    return joinWith(this, other, args, false, (o) => streamStreamJoin(this, o, args[0], args[1], args[2], 'inner'));
  }

  leftJoin(other: unknown, ...args: any[]): KStream<K, any> {
    return joinWith(this, other, args, true, (o) => streamStreamJoin(this, o, args[0], args[1], args[2], 'left'));
  }

  outerJoin<VO, VR>(other: KStream<K, VO>, joiner: ValueJoiner<V | null, VO | null, VR, K>, windows: JoinWindows, streamJoined?: StreamJoined<K, V, VO>): KStream<K, VR> {
    if (!(other instanceof KStreamImpl)) {
      throw new TopologyError([{ code: 'invalid-argument', message: 'outerJoin() joins two streams: outerJoin(otherStream, joiner, JoinWindows...).' }]);
    }
    return streamStreamJoin(this, other as KStreamImpl<K, VO>, joiner, windows, streamJoined, 'outer');
  }

  groupByKey(grouped?: Grouped<K, V>): KGroupedStream<K, V> {
    return new KGroupedStreamImpl<K, V>(this, this.node, {
      keySerde: grouped?.keySerde ?? this.keySerde,
      valueSerde: grouped?.valueSerde ?? this.valueSerde,
      repartitionName: grouped?.name ?? null,
      repartitionRequired: this.repartitionRequired,
    });
  }

  groupBy<KR>(selector: KeyValueMapper<K, V, KR>, grouped?: Grouped<KR, V>): KGroupedStream<KR, V> {
    // Kafka names the key selector after the Grouped name too.
    const node = SelectKeyNode.create({ ...this.nodeProps(grouped?.name, 'KSTREAM-KEY-SELECT-'), selector });
    this.builder.add(node);
    return new KGroupedStreamImpl<KR, V>(this, node, {
      keySerde: grouped?.keySerde ?? null,
      valueSerde: grouped?.valueSerde ?? this.valueSerde,
      repartitionName: grouped?.name ?? null,
      repartitionRequired: true,
    });
  }

  process<KOut, VOut>(supplier: ProcessorSupplier<K, V, KOut, VOut>, ...rest: (Named | string)[]): KStream<KOut, VOut> {
    const [named, storeNames] = splitNamedAndStores(rest);
    // Without a Named, Kafka generates the name; with one, no counter value is burned.
    const name = named?.name ?? this.builder.newProcessorName('KSTREAM-PROCESSOR-');
    const node = ProcessNode.create({ id: this.builder.nextId(), name, parents: [this.node.id], supplier, storeNames });
    return this.derive<KOut, VOut>(node, null, null, true);
  }

  processValues<VOut>(supplier: FixedKeyProcessorSupplier<K, V, VOut>, ...rest: (Named | string)[]): KStream<K, VOut> {
    const [named, storeNames] = splitNamedAndStores(rest);
    const name = named?.name ?? this.builder.newProcessorName('KSTREAM-PROCESSVALUES-');
    const node = ProcessValuesNode.create({ id: this.builder.nextId(), name, parents: [this.node.id], supplier, storeNames });
    return this.derive<K, VOut>(node, this.keySerde, null, this.repartitionRequired);
  }
}
