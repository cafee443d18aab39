// Kafka: writeToTopology of StreamTableJoinNode, KTableKTableJoinNode, the foreign-key join nodes and global TableSourceNode
import type { Serde } from '../../serdes/serde.js';
import { Serdes } from '../../serdes/serdes.js';
import { FailOnInvalidTimestamp } from '../../processor/timestamp-extractor.js';
import type { StreamPartitioner } from '../../processor/stream-partitioner.js';
import { Stores } from '../../state/stores.js';
import { KTableSourceProcessor } from '../../processor/builtin/ktable-source-processor.js';
import { KStreamKTableJoinProcessor } from '../../processor/builtin/joins/kstream-ktable-join-processor.js';
import { KTableKTableJoinProcessor, type TableJoinSide } from '../../processor/builtin/joins/ktable-ktable-join-processor.js';
import { KTableKTableJoinMergeProcessor } from '../../processor/builtin/joins/ktable-ktable-join-merge-processor.js';
import { CombinedKeySchema } from '../../processor/builtin/joins/foreign-key/combined-key-schema.js';
import { ForeignTableJoinProcessor } from '../../processor/builtin/joins/foreign-key/foreign-table-join-processor.js';
import { ResponseJoinProcessor } from '../../processor/builtin/joins/foreign-key/response-join-processor.js';
import { SubscriptionJoinProcessor } from '../../processor/builtin/joins/foreign-key/subscription-join-processor.js';
import { SubscriptionReceiveProcessor } from '../../processor/builtin/joins/foreign-key/subscription-receive-processor.js';
import { subscriptionResponseWrapperSerde, type SubscriptionResponseWrapper } from '../../processor/builtin/joins/foreign-key/subscription-response-wrapper.js';
import { SubscriptionSendProcessor } from '../../processor/builtin/joins/foreign-key/subscription-send-processor.js';
import { subscriptionWrapperSerde } from '../../processor/builtin/joins/foreign-key/subscription-wrapper.js';
import type { ForeignKeyJoinNode } from '../graph/foreign-key-join-node.js';
import type { GlobalTableSourceNode } from '../graph/global-table-source-node.js';
import type { StoreSpec } from '../graph/store-spec.js';
import type { StreamTableJoinNode } from '../graph/stream-table-join-node.js';
import type { TableTableJoinNode } from '../graph/table-table-join-node.js';
import type { JoinStoreSpec, StreamStreamJoinNode } from '../graph/stream-stream-join-node.js';
import type { StoreBuilder } from '../../state/store-builder.js';
import { PassThroughProcessor } from '../../processor/builtin/pass-through-processor.js';
import { KStreamJoinWindowProcessor } from '../../processor/builtin/joins/stream-stream/kstream-join-window-processor.js';
import { KStreamKStreamJoinProcessor, type StreamJoinSide } from '../../processor/builtin/joins/stream-stream/kstream-kstream-join-processor.js';
import { TimeTrackers } from '../../processor/builtin/joins/stream-stream/time-tracker.js';
import { buildDslStore } from './store-factory.js';
import type { WriteContext } from './topology-writer.js';
import { valueGetterSupplier } from './value-getters.js';

/** A serde that must exist: the configured default when the node has none (an issue is recorded otherwise). */
function keySerde(ctx: WriteContext, serde: Serde<any> | null, node: string, what: string, fix: string): Serde<any> {
  return ctx.serdes.key(serde, node, what, fix) ?? Serdes.ByteArray();
}

function valueSerde(ctx: WriteContext, serde: Serde<any> | null, node: string, what: string, fix: string): Serde<any> {
  return ctx.serdes.value(serde, node, what, fix) ?? Serdes.ByteArray();
}

function addStore(ctx: WriteContext, spec: StoreSpec, processorName: string, noChangelog = false): void {
  const fix = 'pass Materialized.with(keySerde, valueSerde) (or withKeySerde/withValueSerde) to the operator';
  const ks = ctx.serdes.key(spec.keySerde, processorName, `Store "${spec.name}"`, fix);
  const vs = ctx.serdes.value(spec.valueSerde, processorName, `Store "${spec.name}"`, fix);
  ctx.topology.addStateStore(buildDslStore(spec, ks, vs, ctx.config.defaultDslStore, noChangelog), processorName);
}

function connect(ctx: WriteContext, name: string, storeNames: readonly string[]): void {
  if (storeNames.length > 0) ctx.topology.connectProcessorAndStateStores(name, ...storeNames);
}

/** `builder.globalTable`: a global store fed by a `KTABLE-SOURCE` processor; the topic is its changelog. */
export function writeGlobalTableSource(node: GlobalTableSourceNode, ctx: WriteContext): void {
  const what = `Global table source "${node.sourceName}" (topic ${node.topic})`;
  const fix = 'pass Consumed.with(keySerde, valueSerde) to globalTable()';
  const ks = ctx.serdes.key(node.consumed.keySerde, node.sourceName, what, fix);
  const vs = ctx.serdes.value(node.consumed.valueSerde, node.sourceName, what, fix);
  const options = {
    keyDeserializer: ks?.deserializer(),
    valueDeserializer: vs?.deserializer(),
    timestampExtractor: node.consumed.timestampExtractor ?? undefined,
  };
  const store = buildDslStore({ ...node.store, keySerde: ks, valueSerde: vs }, ks, vs, ctx.config.defaultDslStore, true);
  const storeName = node.store.name;
  ctx.topology.addGlobalStore(store, node.sourceName, options, node.topic, node.name, () => new KTableSourceProcessor(storeName, false));
}

/** `KStream.join/leftJoin` with a table: the processor reads the table's stores (global stores need no connection). */
export function writeStreamTableJoin(node: StreamTableJoinNode, ctx: WriteContext): void {
  const getter = valueGetterSupplier(ctx.node, node.table);
  ctx.topology.addProcessor(node.name, () => new KStreamKTableJoinProcessor(getter.get(), node.keySelector, node.joiner, node.leftJoin), ...ctx.parentNames(node));
  if (ctx.node(node.table).kind !== 'global-table-source') connect(ctx, node.name, getter.storeNames);
}

const SIDES: { readonly [T in TableTableJoinNode['joinType']]: readonly [TableJoinSide, TableJoinSide] } = {
  inner: ['inner', 'inner'],
  left: ['left', 'right'],
  outer: ['outer', 'outer'],
};

/** `KTable.join/leftJoin/outerJoin(KTable)`: one processor per side, both feeding the merge processor. */
export function writeTableTableJoin(node: TableTableJoinNode, ctx: WriteContext): void {
  const [thisParent, otherParent] = ctx.parentNames(node);
  const thisGetter = valueGetterSupplier(ctx.node, node.parents[0]!);
  const otherGetter = valueGetterSupplier(ctx.node, node.parents[1]!);
  const sendOld = ctx.tables.sendOldValues(node.id);
  const [thisSide, otherSide] = SIDES[node.joinType];
  ctx.topology.addProcessor(node.thisName, () => new KTableKTableJoinProcessor(thisSide, otherGetter.get(), node.joiner, false, sendOld), thisParent!);
  ctx.topology.addProcessor(node.otherName, () => new KTableKTableJoinProcessor(otherSide, thisGetter.get(), node.joiner, true, sendOld), otherParent ?? thisParent!);
  const storeName = node.store?.name ?? null;
  ctx.topology.addProcessor(node.name, () => new KTableKTableJoinMergeProcessor(storeName, sendOld), node.thisName, node.otherName);
  connect(ctx, node.thisName, otherGetter.storeNames);
  connect(ctx, node.otherName, thisGetter.storeNames);
  if (node.store !== null) addStore(ctx, node.store, node.name);
}

/** Sends a response to the partition of the row that subscribed (`primaryPartition`). */
const TO_PRIMARY_PARTITION: StreamPartitioner<unknown, SubscriptionResponseWrapper<unknown>> = {
  partition: (_topic, _key, value) => value.primaryPartition,
};

/** A `TableJoined` partitioner sees keys only (Kafka passes a null value). */
function keyOnly(partitioner: StreamPartitioner | null): StreamPartitioner | undefined {
  return partitioner === null ? undefined : { partition: (topic, key, _value, n) => partitioner.partition(topic, key, null, n) };
}

/** A foreign-key join: subscription and response topics, the subscription store and seven processors. */
export function writeForeignKeyJoin(node: ForeignKeyJoinNode, ctx: WriteContext): void {
  const n = node.names;
  const [thisParent, foreignParent] = ctx.parentNames(node);
  const fix = 'give both tables serdes (Consumed.with / Materialized.with)';
  const pk = keySerde(ctx, node.keySerde, node.name, 'The primary table of a foreign-key join', fix);
  const value = valueSerde(ctx, node.valueSerde, node.name, 'The primary table of a foreign-key join', fix);
  const fk = keySerde(ctx, node.foreignKeySerde, node.name, 'The foreign table of a foreign-key join', fix);
  const foreignValue = valueSerde(ctx, node.foreignValueSerde, node.name, 'The foreign table of a foreign-key join', fix);
  const topics = { pk: `${n.registrationTopic}-pk`, fk: `${n.registrationTopic}-fk`, valueHash: `${n.registrationTopic}-vh` };
  const subscription = subscriptionWrapperSerde(pk, topics.pk);
  const response = subscriptionResponseWrapperSerde(foreignValue);
  const schema = new CombinedKeySchema(fk, pk, topics.fk, topics.pk);
  const thisGetter = valueGetterSupplier(ctx.node, node.parents[0]!);
  const foreignGetter = valueGetterSupplier(ctx.node, node.parents[1]!);
  const t = ctx.topology;

  t.addInternalTopic({ name: n.registrationTopic, kind: 'repartition', numPartitions: null, config: {} });
  t.addProcessor(n.send, () => new SubscriptionSendProcessor(node.extractor, fk.serializer(), value.serializer(), node.leftJoin, { foreignKey: topics.fk, valueHash: topics.valueHash }), thisParent!);
  t.addSink(n.registrationSink, n.registrationTopic, { keySerializer: fk.serializer(), valueSerializer: subscription.serializer(), partitioner: keyOnly(node.otherPartitioner) }, n.send);
  t.addSource(n.registrationSource, { keyDeserializer: fk.deserializer(), valueDeserializer: subscription.deserializer(), timestampExtractor: FailOnInvalidTimestamp }, n.registrationTopic);
  const type = ctx.config.defaultDslStore;
  const supplier = type === 'in-memory' ? Stores.inMemoryKeyValueStore(n.subscriptionStore) : Stores.persistentTimestampedKeyValueStore(n.subscriptionStore);
  t.addStateStore(Stores.timestampedKeyValueStoreBuilder(supplier, Serdes.Bytes(), subscription).withCachingDisabled().withLoggingEnabled());
  t.addProcessor(n.receive, () => new SubscriptionReceiveProcessor(n.subscriptionStore, schema), n.registrationSource);
  connect(ctx, n.receive, [n.subscriptionStore]);
  t.addProcessor(n.joinForeign, () => new SubscriptionJoinProcessor(foreignGetter.get()), n.receive);
  connect(ctx, n.joinForeign, foreignGetter.storeNames);
  t.addProcessor(n.foreignJoin, () => new ForeignTableJoinProcessor(n.subscriptionStore, schema), foreignParent!);
  connect(ctx, n.foreignJoin, [n.subscriptionStore]);

  t.addInternalTopic({ name: n.responseTopic, kind: 'repartition', numPartitions: null, config: {} });
  const responsePartitioner = keyOnly(node.partitioner) ?? (TO_PRIMARY_PARTITION as StreamPartitioner);
  t.addSink(n.responseSink, n.responseTopic, { keySerializer: pk.serializer(), valueSerializer: response.serializer(), partitioner: responsePartitioner }, n.joinForeign, n.foreignJoin);
  t.addSource(n.responseSource, { keyDeserializer: pk.deserializer(), valueDeserializer: response.deserializer(), timestampExtractor: FailOnInvalidTimestamp }, n.responseTopic);
  t.addProcessor(n.resolver, () => new ResponseJoinProcessor(thisGetter.get(), value.serializer(), topics.valueHash, node.joiner, node.leftJoin), n.responseSource);
  connect(ctx, n.resolver, thisGetter.storeNames);

  const materialized = ctx.tables.materialized(node.id);
  const resultStore = materialized ? node.resultStore.name : null;
  const sendOld = ctx.tables.sendOldValues(node.id);
  t.addProcessor(node.name, () => new KTableSourceProcessor(resultStore, sendOld), n.resolver);
  if (materialized) addStore(ctx, node.resultStore, node.name);
}

/** A window store of one side of a stream-stream join: duplicates kept, retention `before + after + grace`. */
function joinWindowStore(ctx: WriteContext, node: StreamStreamJoinNode, spec: JoinStoreSpec, keySerde: Serde<any>, valueSerde: Serde<any>): StoreBuilder<any> {
  const w = node.windows;
  const retention = w.size() + w.gracePeriodMs();
  const supplier =
    spec.supplier ??
    (ctx.config.defaultDslStore === 'in-memory' ? Stores.inMemoryWindowStore(spec.name, retention, w.size(), true) : Stores.persistentWindowStore(spec.name, retention, w.size(), true));
  if (!supplier.retainDuplicates || supplier.retentionPeriod !== retention || supplier.windowSize !== w.size()) {
    ctx.issues.push({
      code: 'invalid-store-supplier',
      node: node.name,
      message: `Window store supplier "${supplier.name}" of stream-stream join "${node.name}" must keep duplicates and have window size ${w.size()} ms and retention ${retention} ms (before + after + grace): e.g. Stores.persistentWindowStore(name, ${retention}, ${w.size()}, true).`,
    });
  }
  const builder = Stores.windowStoreBuilder(supplier, keySerde, valueSerde);
  // The records are not unique per key and time: delete, never compact (as in Kafka).
  return node.loggingEnabled ? builder.withLoggingEnabled({ ...node.logConfig, 'cleanup.policy': 'delete' }) : builder.withLoggingDisabled();
}

/** `KStream.join/leftJoin/outerJoin(KStream)`: windowing processors, one join processor per side, the merge. */
export function writeStreamStreamJoin(node: StreamStreamJoinNode, ctx: WriteContext): void {
  const [thisParent, otherParent] = ctx.parentNames(node);
  const w = node.windows;
  const fix = 'pass StreamJoined.with(keySerde, valueSerde, otherValueSerde) to the join';
  const what = `Stream-stream join "${node.name}"`;
  const ks = keySerde(ctx, node.keySerde, node.name, what, fix);
  const thisValue = valueSerde(ctx, node.thisStore.valueSerde, node.name, what, fix);
  const otherValue = valueSerde(ctx, node.otherStore.valueSerde, node.name, what, fix);
  const trackers = new TimeTrackers();
  const joiner = node.joiner;
  const common = { outerStoreName: node.outerStore, windowBeforeMs: w.beforeMs, windowAfterMs: w.afterMs, graceMs: w.gracePeriodMs(), trackers };
  const serdes = { key: ks, left: thisValue, right: otherValue };
  const thisSide: StreamJoinSide = { ...common, serdes, left: true, outer: node.joinType !== 'inner', otherStoreName: node.otherStore.name, beforeMs: w.beforeMs, afterMs: w.afterMs, joiner };
  const otherSide: StreamJoinSide = {
    ...common,
    serdes,
    left: false,
    outer: node.joinType === 'outer',
    otherStoreName: node.thisStore.name,
    beforeMs: w.afterMs,
    afterMs: w.beforeMs,
    joiner: (value, otherValue, key) => joiner(otherValue, value, key),
  };
  const t = ctx.topology;
  t.addProcessor(node.thisWindowedName, () => new KStreamJoinWindowProcessor(node.thisStore.name), thisParent!);
  t.addProcessor(node.otherWindowedName, () => new KStreamJoinWindowProcessor(node.otherStore.name), otherParent ?? thisParent!);
  t.addProcessor(node.thisJoinName, () => new KStreamKStreamJoinProcessor(thisSide), node.thisWindowedName);
  t.addProcessor(node.otherJoinName, () => new KStreamKStreamJoinProcessor(otherSide), node.otherWindowedName);
  t.addProcessor(node.name, () => new PassThroughProcessor(), node.thisJoinName, node.otherJoinName);
  t.addStateStore(joinWindowStore(ctx, node, node.thisStore, ks, thisValue), node.thisWindowedName, node.otherJoinName);
  t.addStateStore(joinWindowStore(ctx, node, node.otherStore, ks, otherValue), node.otherWindowedName, node.thisJoinName);
  if (node.outerStore !== null) {
    const inMemory = node.thisStore.supplier !== null ? node.thisStore.supplier.metricsScope === 'in-memory' : ctx.config.defaultDslStore === 'in-memory';
    const supplier = inMemory ? Stores.inMemoryKeyValueStore(node.outerStore) : Stores.persistentKeyValueStore(node.outerStore);
    const builder = Stores.keyValueStoreBuilder(supplier, Serdes.ByteArray(), Serdes.ByteArray()).withCachingDisabled();
    t.addStateStore(node.loggingEnabled ? builder.withLoggingEnabled(node.logConfig) : builder.withLoggingDisabled(), node.thisJoinName, node.otherJoinName);
  }
}
