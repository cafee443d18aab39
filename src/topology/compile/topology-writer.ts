// Kafka: GraphNode.writeToTopology of every node kind, as one exhaustive visitor
import type { TopologyIssue } from '../../errors/topology-error.js';
import type { Serde } from '../../serdes/serde.js';
import { FailOnInvalidTimestamp } from '../../processor/timestamp-extractor.js';
import type { ProcessorSupplier } from '../../processor/processor.js';
import { ChangedDeserializer } from '../../processor/builtin/changed-deserializer.js';
import { ChangedSerializer } from '../../processor/builtin/changed-serializer.js';
import { ForeachProcessor } from '../../processor/builtin/foreach-processor.js';
import { KStreamAggregateProcessor } from '../../processor/builtin/kstream-aggregate-processor.js';
import { KStreamBranchProcessor } from '../../processor/builtin/kstream-branch-processor.js';
import { KStreamFilterProcessor } from '../../processor/builtin/kstream-filter-processor.js';
import { KStreamFlatMapProcessor } from '../../processor/builtin/kstream-flat-map-processor.js';
import { KStreamFlatMapValuesProcessor } from '../../processor/builtin/kstream-flat-map-values-processor.js';
import { KStreamMapProcessor } from '../../processor/builtin/kstream-map-processor.js';
import { KStreamMapValuesProcessor } from '../../processor/builtin/kstream-map-values-processor.js';
import { KStreamPeekProcessor } from '../../processor/builtin/kstream-peek-processor.js';
import { KStreamReduceProcessor } from '../../processor/builtin/kstream-reduce-processor.js';
import { KStreamSelectKeyProcessor } from '../../processor/builtin/kstream-select-key-processor.js';
import { KTableAggregateProcessor } from '../../processor/builtin/ktable-aggregate-processor.js';
import { KTableFilterProcessor } from '../../processor/builtin/ktable-filter-processor.js';
import { KTableMapValuesProcessor } from '../../processor/builtin/ktable-map-values-processor.js';
import { KTableTransformValuesProcessor } from '../../processor/builtin/ktable-transform-values-processor.js';
import { KTableReduceProcessor } from '../../processor/builtin/ktable-reduce-processor.js';
import { KTableRepartitionMapProcessor } from '../../processor/builtin/ktable-repartition-map-processor.js';
import { KTableSourceProcessor } from '../../processor/builtin/ktable-source-processor.js';
import { KTableToStreamProcessor } from '../../processor/builtin/ktable-to-stream-processor.js';
import { PassThroughProcessor } from '../../processor/builtin/pass-through-processor.js';
import { KStreamWindowAggregateProcessor } from '../../processor/builtin/kstream-window-aggregate-processor.js';
import { KStreamSlidingWindowAggregateProcessor } from '../../processor/builtin/kstream-sliding-window-aggregate-processor.js';
import { KStreamSessionWindowAggregateProcessor } from '../../processor/builtin/kstream-session-window-aggregate-processor.js';
import { KTableSuppressProcessor } from '../../processor/builtin/ktable-suppress-processor.js';
import { WindowedStreamPartitioner } from '../../processor/windowed-stream-partitioner.js';
import { isWindowedSerializer } from '../../serdes/time-windowed-serde.js';
import { SuppressionBufferBuilder } from '../../state/builders/suppression-buffer-builder.js';
import { SessionWindows } from '../../windows/session-windows.js';
import { SlidingWindows } from '../../windows/sliding-windows.js';
import type { Topology } from '../topology.js';
import type { GraphNode, GraphVisitor } from '../graph/graph-node.js';
import type { StoreSpec } from '../graph/store-spec.js';
import type { WindowAggregateNode } from '../graph/window-aggregate-node.js';
import type { WindowedStoreSpec } from '../graph/windowed-store-spec.js';
import type { CompileConfig } from './compile-config.js';
import type { SerdeResolver } from './serde-resolver.js';
import { buildDslStore } from './store-factory.js';
import { writeForeignKeyJoin, writeGlobalTableSource, writeStreamStreamJoin, writeStreamTableJoin, writeTableTableJoin } from './join-writers.js';
import { buildWindowedDslStore } from './windowed-store-factory.js';
import { windowedKeySerde } from '../../serdes/windowed-key-serde.js';
import type { TableSemantics } from './table-semantics.js';

/** What writing a node needs. */
export interface WriteContext {
  readonly topology: Topology;
  readonly config: CompileConfig;
  readonly serdes: SerdeResolver;
  readonly tables: TableSemantics;
  readonly issues: TopologyIssue[];
  /** Topology names of a node's parents (each parent's `name`), in connection order. */
  parentNames(node: GraphNode): string[];
  /** A graph node by id (joins read the tables they join). */
  readonly node: (id: number) => GraphNode;
  /** Repartition nodes that keep null keys for a left join downstream (KIP-962). */
  readonly keepsNullKeys: ReadonlySet<number>;
}

const notNullKey = (key: unknown): boolean => key != null;

function ser<T>(serde: Serde<T> | null) {
  return serde === null ? undefined : serde.serializer();
}

function de<T>(serde: Serde<T> | null) {
  return serde === null ? undefined : serde.deserializer();
}

/** Adds a processor whose supplier makes one builtin processor per task. */
function processor(ctx: WriteContext, node: GraphNode, supplier: ProcessorSupplier): void {
  ctx.topology.addProcessor(node.name, supplier, ...ctx.parentNames(node));
}

/** Adds a DSL store connected to `processorName`, serdes resolved. */
function addStore(ctx: WriteContext, spec: StoreSpec, processorName: string, noChangelog = false): void {
  const where = `Store "${spec.name}"`;
  const fix = 'pass Materialized.with(keySerde, valueSerde) (or withKeySerde/withValueSerde) to the operator';
  const keySerde = ctx.serdes.key(spec.keySerde, processorName, where, fix);
  const valueSerde = ctx.serdes.value(spec.valueSerde, processorName, where, fix);
  ctx.topology.addStateStore(buildDslStore(spec, keySerde, valueSerde, ctx.config.defaultDslStore, noChangelog), processorName);
}

/** Adds a DSL window or session store connected to `processorName`, serdes resolved. */
function addWindowedStore(ctx: WriteContext, spec: WindowedStoreSpec, processorName: string): void {
  const where = `Store "${spec.name}"`;
  const fix = 'pass Materialized.with(keySerde, valueSerde) (or withKeySerde/withValueSerde) to the windowed operator';
  const keySerde = ctx.serdes.key(spec.keySerde, processorName, where, fix);
  const valueSerde = ctx.serdes.value(spec.valueSerde, processorName, where, fix);
  ctx.topology.addStateStore(buildWindowedDslStore(spec, keySerde, valueSerde, ctx.config.defaultDslStore), processorName);
}

/** The processor of a windowed aggregation, by kind of windows. */
function windowAggregateProcessor(node: WindowAggregateNode, sendOld: boolean): ProcessorSupplier {
  const { windows, initializer, aggregator, storeName } = node;
  const onClose = node.emitStrategy.type === 'ON_WINDOW_CLOSE';
  if (windows instanceof SessionWindows) {
    return () => new KStreamSessionWindowAggregateProcessor(storeName, windows, initializer, aggregator, node.merger!, onClose, sendOld);
  }
  if (windows instanceof SlidingWindows) {
    return () => new KStreamSlidingWindowAggregateProcessor(storeName, windows, initializer, aggregator, onClose, sendOld);
  }
  return () => new KStreamWindowAggregateProcessor(storeName, windows, initializer, aggregator, onClose, sendOld);
}

function connectStores(ctx: WriteContext, name: string, storeNames: readonly string[]): void {
  if (storeNames.length > 0) ctx.topology.connectProcessorAndStateStores(name, ...storeNames);
}

/** Writes each graph node as Kafka's `writeToTopology` does (same nodes, same order). */
export const topologyWriter: GraphVisitor<void, WriteContext> = {
  'stream-source'(node, ctx) {
    const what = node.topics ? `Source "${node.name}" (topics ${node.topics.join(', ')})` : `Source "${node.name}" (pattern ${node.pattern})`;
    const fix = 'pass Consumed.with(keySerde, valueSerde) to stream()';
    const options = {
      keyDeserializer: de(ctx.serdes.key(node.consumed.keySerde, node.name, what, fix)),
      valueDeserializer: de(ctx.serdes.value(node.consumed.valueSerde, node.name, what, fix)),
      timestampExtractor: node.consumed.timestampExtractor ?? undefined,
      offsetReset: node.consumed.offsetReset ?? undefined,
    };
    ctx.topology.addSource(node.name, options, ...(node.topics ?? [node.pattern!]));
  },

  'table-source'(node, ctx) {
    const what = `Table source "${node.sourceName}" (topic ${node.topic})`;
    const fix = 'pass Consumed.with(keySerde, valueSerde) to table()';
    const options = {
      keyDeserializer: de(ctx.serdes.key(node.consumed.keySerde, node.sourceName, what, fix)),
      valueDeserializer: de(ctx.serdes.value(node.consumed.valueSerde, node.sourceName, what, fix)),
      timestampExtractor: node.consumed.timestampExtractor ?? undefined,
      offsetReset: node.consumed.offsetReset ?? undefined,
    };
    ctx.topology.addSource(node.sourceName, options, node.topic);
    const materialized = ctx.tables.materialized(node.id);
    const storeName = materialized ? node.store.name : null;
    const sendOld = ctx.tables.sendOldValues(node.id);
    ctx.topology.addProcessor(node.name, () => new KTableSourceProcessor(storeName, sendOld), node.sourceName);
    if (!materialized) return;
    addStore(ctx, node.store, node.name, node.reuseSourceTopic);
    if (node.reuseSourceTopic) ctx.topology.sourceChangelogs.set(node.store.name, node.topic);
  },

  'state-store'(node, ctx) {
    ctx.topology.addStateStore(node.builder);
  },

  'global-table-source': writeGlobalTableSource,
  'stream-table-join': writeStreamTableJoin,
  'table-table-join': writeTableTableJoin,
  'foreign-key-join': writeForeignKeyJoin,
  'stream-stream-join': writeStreamStreamJoin,

  filter(node, ctx) {
    processor(ctx, node, () => new KStreamFilterProcessor(node.predicate, node.negate));
  },

  map(node, ctx) {
    processor(ctx, node, () => new KStreamMapProcessor(node.mapper));
  },

  'select-key'(node, ctx) {
    processor(ctx, node, () => new KStreamSelectKeyProcessor(node.selector));
  },

  'map-values'(node, ctx) {
    processor(ctx, node, () => new KStreamMapValuesProcessor(node.mapper));
  },

  'flat-map'(node, ctx) {
    processor(ctx, node, () => new KStreamFlatMapProcessor(node.mapper));
  },

  'flat-map-values'(node, ctx) {
    processor(ctx, node, () => new KStreamFlatMapValuesProcessor(node.mapper));
  },

  peek(node, ctx) {
    processor(ctx, node, () => new KStreamPeekProcessor(node.action));
  },

  foreach(node, ctx) {
    processor(ctx, node, () => new ForeachProcessor(node.action));
  },

  merge(node, ctx) {
    processor(ctx, node, () => new PassThroughProcessor());
  },

  branch(node, ctx) {
    processor(ctx, node, () => new KStreamBranchProcessor(node.predicates, node.childNames));
  },

  'pass-through'(node, ctx) {
    processor(ctx, node, () => new PassThroughProcessor());
  },

  process(node, ctx) {
    ctx.topology.addProcessor(node.name, node.supplier, ...ctx.parentNames(node));
    connectStores(ctx, node.name, node.storeNames);
  },

  'process-values'(node, ctx) {
    ctx.topology.addFixedKeyProcessor(node.name, node.supplier, ...ctx.parentNames(node));
    connectStores(ctx, node.name, node.storeNames);
  },

  'stream-sink'(node, ctx) {
    const what = typeof node.topic === 'string' ? `Sink "${node.name}" (topic ${node.topic})` : `Sink "${node.name}"`;
    const fix = 'pass Produced.with(keySerde, valueSerde) to to()';
    const keySerializer = ser(ctx.serdes.key(node.keySerde, node.name, what, fix));
    // Windowed keys go to the partition of their plain key (Kafka's WindowedStreamPartitioner).
    const windowed = node.partitioner === null && keySerializer !== undefined && isWindowedSerializer(keySerializer);
    ctx.topology.addSink(
      node.name,
      node.topic,
      {
        keySerializer,
        valueSerializer: ser(ctx.serdes.value(node.valueSerde, node.name, what, fix)),
        partitioner: node.partitioner ?? (windowed ? new WindowedStreamPartitioner(keySerializer) : undefined),
      },
      ...ctx.parentNames(node),
    );
  },

  repartition(node, ctx) {
    const what = `Repartition topic "${node.topic}"`;
    const fix = 'pass Grouped.with(keySerde, valueSerde) (or Repartitioned.with for repartition())';
    const keySerde = ctx.serdes.key(node.keySerde, node.name, what, fix);
    const valueSerde = ctx.serdes.value(node.valueSerde, node.name, what, fix);
    ctx.topology.addInternalTopic({ name: node.topic, kind: 'repartition', numPartitions: node.numPartitions, config: {} });
    // Kafka drops null keys before every repartition, unless a left join downstream keeps them.
    const predicate = ctx.keepsNullKeys.has(node.id) ? () => true : notNullKey;
    ctx.topology.addProcessor(node.filterName, () => new KStreamFilterProcessor(predicate, false), ...ctx.parentNames(node));
    ctx.topology.addSink(
      node.sinkName,
      node.topic,
      { keySerializer: ser(keySerde), valueSerializer: ser(valueSerde), partitioner: node.partitioner ?? undefined },
      node.filterName,
    );
    ctx.topology.addSource(node.name, { keyDeserializer: de(keySerde), valueDeserializer: de(valueSerde), timestampExtractor: FailOnInvalidTimestamp }, node.topic);
  },

  'stream-to-table'(node, ctx) {
    const materialized = ctx.tables.materialized(node.id);
    const storeName = materialized ? node.store.name : null;
    const sendOld = ctx.tables.sendOldValues(node.id);
    processor(ctx, node, () => new KTableSourceProcessor(storeName, sendOld));
    if (materialized) addStore(ctx, node.store, node.name);
  },

  'stream-aggregate'(node, ctx) {
    const sendOld = ctx.tables.sendOldValues(node.id);
    const agg = node.aggregation;
    processor(ctx, node, () =>
      agg.type === 'aggregate'
        ? new KStreamAggregateProcessor(node.storeName, agg.initializer, agg.aggregator, sendOld)
        : new KStreamReduceProcessor(node.storeName, agg.reducer, sendOld),
    );
    if (node.store !== null) addStore(ctx, node.store, node.name);
    else connectStores(ctx, node.name, [node.storeName]);
  },

  'cogroup-merge'(node, ctx) {
    processor(ctx, node, () => new PassThroughProcessor());
  },

  'table-filter'(node, ctx) {
    const storeName = node.store?.name ?? null;
    const sendOld = ctx.tables.sendOldValues(node.id);
    processor(ctx, node, () => new KTableFilterProcessor(node.predicate, node.negate, storeName, sendOld));
    if (node.store !== null) addStore(ctx, node.store, node.name);
  },

  'table-map-values'(node, ctx) {
    const storeName = node.store?.name ?? null;
    const sendOld = ctx.tables.sendOldValues(node.id);
    processor(ctx, node, () => new KTableMapValuesProcessor(node.mapper, storeName, sendOld));
    if (node.store !== null) addStore(ctx, node.store, node.name);
  },

  'table-transform-values'(node, ctx) {
    const storeName = node.store?.name ?? null;
    const sendOld = ctx.tables.sendOldValues(node.id);
    processor(ctx, node, () => new KTableTransformValuesProcessor(node.supplier, storeName, sendOld));
    connectStores(ctx, node.name, node.storeNames);
    if (node.store !== null) addStore(ctx, node.store, node.name);
  },

  'table-to-stream'(node, ctx) {
    processor(ctx, node, () => new KTableToStreamProcessor());
  },

  'table-group-by'(node, ctx) {
    processor(ctx, node, () => new KTableRepartitionMapProcessor(node.selector));
  },

  'table-repartition'(node, ctx) {
    const what = `Repartition topic "${node.topic}"`;
    const fix = 'pass Grouped.with(keySerde, valueSerde) to KTable.groupBy()';
    const keySerde = ctx.serdes.key(node.keySerde, node.name, what, fix);
    const valueSerde = ctx.serdes.value(node.valueSerde, node.name, what, fix);
    ctx.topology.addInternalTopic({ name: node.topic, kind: 'repartition', numPartitions: null, config: {} });
    ctx.topology.addSink(
      node.sinkName,
      node.topic,
      { keySerializer: ser(keySerde), valueSerializer: valueSerde === null ? undefined : new ChangedSerializer(valueSerde.serializer()) },
      ...ctx.parentNames(node),
    );
    ctx.topology.addSource(
      node.name,
      {
        keyDeserializer: de(keySerde),
        valueDeserializer: valueSerde === null ? undefined : new ChangedDeserializer(valueSerde.deserializer()),
        timestampExtractor: FailOnInvalidTimestamp,
      },
      node.topic,
    );
  },

  'table-aggregate'(node, ctx) {
    const sendOld = ctx.tables.sendOldValues(node.id);
    const agg = node.aggregation;
    const storeName = node.store.name;
    processor(ctx, node, () =>
      agg.type === 'aggregate'
        ? new KTableAggregateProcessor(storeName, agg.initializer, agg.adder, agg.subtractor, sendOld)
        : new KTableReduceProcessor(storeName, agg.adder, agg.subtractor, sendOld),
    );
    addStore(ctx, node.store, node.name);
  },

  'window-aggregate'(node, ctx) {
    processor(ctx, node, windowAggregateProcessor(node, ctx.tables.sendOldValues(node.id)));
    if (node.store !== null) addWindowedStore(ctx, node.store, node.name);
    else connectStores(ctx, node.name, [node.storeName]);
  },

  'table-suppress'(node, ctx) {
    processor(ctx, node, () => new KTableSuppressProcessor(node.name, node.storeName, node.suppression));
    // The table's serdes, else the build config's defaults (as every other store gets them);
    // without either, the application's defaults when the buffer opens (as in Kafka).
    const keySerde = node.keySerde ?? (node.windows === null ? ctx.config.defaultKeySerde : windowedKeySerde(ctx.config.defaultKeySerde, node.windows));
    let buffer = new SuppressionBufferBuilder(node.storeName, keySerde, node.valueSerde ?? ctx.config.defaultValueSerde);
    buffer = node.loggingEnabled ? buffer.withLoggingEnabled(node.logConfig) : buffer.withLoggingDisabled();
    ctx.topology.addStateStore(buffer, node.name);
  },
};
