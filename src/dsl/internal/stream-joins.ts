// Kafka: KStreamImpl.join/leftJoin with a KTable or GlobalKTable, repartitionForJoin, doStreamTableJoin, globalTableJoin
import type { Serde } from '../../serdes/serde.js';
import { StreamTableJoinNode } from '../../topology/graph/stream-table-join-node.js';
import { StreamStreamJoinNode, type JoinStoreSpec } from '../../topology/graph/stream-stream-join-node.js';
import type { TableJoinType } from '../../topology/graph/table-table-join-node.js';
import { JoinWindows } from '../../windows/join-windows.js';
import type { StreamJoined } from '../stream-joined.js';
import { TopologyError } from '../../errors/topology-error.js';
import type { KeyValueMapper, ValueJoiner } from '../functions.js';
import type { Joined } from '../joined.js';
import type { Named } from '../named.js';
import { GlobalKTableImpl } from './global-ktable-impl.js';
import { KStreamImpl } from './kstream-impl.js';
import { KTableImpl } from './ktable-impl.js';
import { createRepartition } from './repartition-source.js';

const GENERATED = /-[0-9]{10}$/;
/** Key of a stream's join repartition in `DslGraphBuilder.sharedRepartitions`. */
const JOIN_REPARTITION = 'join-repartition';

/**
 * Kafka's `repartitionForJoin`: sends a re-keyed stream through `<name>-repartition` so it is
 * partitioned like what it joins. Three names are burned every time; a stream joined again
 * under its own name reuses its first join repartition (Kafka keeps it on the stream).
 */
export function repartitionForJoin<K, V>(
  stream: KStreamImpl<K, V>,
  name: string,
  keySerde: Serde<K> | null,
  valueSerde: Serde<V> | null,
): KStreamImpl<K, V> {
  const builder = stream.builder;
  const ks = keySerde ?? stream.keySerde;
  const vs = valueSerde ?? stream.valueSerde;
  const candidate = createRepartition(builder, stream.node.id, {
    prefix: name,
    generated: GENERATED.test(name),
    keySerde: ks,
    valueSerde: vs,
    optimizable: true,
  });
  let shared = builder.sharedRepartitions.get(stream);
  if (shared === undefined) builder.sharedRepartitions.set(stream, (shared = new Map()));
  const existing = shared.get(JOIN_REPARTITION);
  const node = existing !== undefined && name === stream.node.name ? builder.node(existing as number) : builder.add(candidate);
  if (existing === undefined || name !== stream.node.name) shared.set(JOIN_REPARTITION, node.id);
  return new KStreamImpl<K, V>(builder, node, ks, vs, [node.name], false);
}

/** `KStream.join/leftJoin(KTable)`: repartitions first after a key change; inputs are co-partitioned. */
export function streamTableJoin<K, V, VO, VR>(
  stream: KStreamImpl<K, V>,
  table: KTableImpl<K, VO>,
  joiner: ValueJoiner<V, VO | null, VR, K>,
  joined: Joined<K, V, VO> | undefined,
  leftJoin: boolean,
): KStreamImpl<K, VR> {
  const builder = stream.builder;
  builder.checkOwn(table, 'The table passed to join()');
  const joinedName = joined?.name ?? null;
  const left = stream.repartitionRequired
    ? repartitionForJoin(stream, joinedName ?? stream.node.name, joined?.keySerde ?? null, joined?.valueSerde ?? null)
    : stream;
  const sources = [...new Set([...left.sourceNodes, ...table.sourceNodes])];
  builder.copartition(sources);
  const name = builder.nameOrGenerate(joinedName, leftJoin ? 'KSTREAM-LEFTJOIN-' : 'KSTREAM-JOIN-');
  const node = builder.add(
    StreamTableJoinNode.create({ id: builder.nextId(), name, parents: [left.node.id], table: table.node.id, keySelector: null, joiner, leftJoin }),
  );
  return new KStreamImpl<K, VR>(builder, node, joined?.keySerde ?? left.keySerde, null, sources, false);
}

/**
 * `KStream.join/leftJoin(GlobalKTable, keySelector, joiner)`: no repartition, no
 * co-partitioning; the stream's key, serdes and repartition flag carry over. Kafka names
 * both the inner and the left join `KSTREAM-LEFTJOIN-`.
 */
export function streamGlobalJoin<K, V, KG, VG, VR>(
  stream: KStreamImpl<K, V>,
  table: GlobalKTableImpl<KG, VG>,
  keySelector: KeyValueMapper<K, V, KG | null>,
  joiner: ValueJoiner<V, VG | null, VR, K>,
  named: Named | undefined,
  leftJoin: boolean,
): KStreamImpl<K, VR> {
  const builder = stream.builder;
  builder.checkOwn(table, 'The global table passed to join()');
  if (typeof keySelector !== 'function') throw argumentError('A global-table join needs a key selector: join(globalTable, (key, value) => tableKey, joiner).');
  const name = builder.nameOrGenerate(named?.name ?? null, 'KSTREAM-LEFTJOIN-');
  const node = builder.add(
    StreamTableJoinNode.create({ id: builder.nextId(), name, parents: [stream.node.id], table: table.node.id, keySelector, joiner, leftJoin }),
  );
  return new KStreamImpl<K, VR>(builder, node, stream.keySerde, null, stream.sourceNodes, stream.repartitionRequired);
}

/** Dispatches `KStream.join/leftJoin` on what is joined (the stream-stream case is passed in). */
export function joinWith(
  stream: KStreamImpl<any, any>,
  other: unknown,
  args: readonly unknown[],
  leftJoin: boolean,
  streamStream: (other: KStreamImpl<any, any>) => KStreamImpl<any, any>,
): KStreamImpl<any, any> {
  const [a, b] = args;
  if (typeof a !== 'function') throw argumentError('join() needs a joiner function: (value, otherValue, key) => result.');
  if (other instanceof KTableImpl) return streamTableJoin(stream, other, a as ValueJoiner<any, any, any, any>, b as Joined<any, any, any> | undefined, leftJoin);
  if (other instanceof GlobalKTableImpl) {
    if (typeof b !== 'function') throw argumentError('A global-table join takes a key selector, then a joiner: join(globalTable, (key, value) => tableKey, joiner).');
    return streamGlobalJoin(stream, other, a as KeyValueMapper<any, any, any>, b as ValueJoiner<any, any, any, any>, args[2] as Named | undefined, leftJoin);
  }
  if (other instanceof KStreamImpl) return streamStream(other);
  throw argumentError('join() takes a KTable, a GlobalKTable or a KStream of the same StreamBuilder.');
}

/**
 * `KStream.join/leftJoin/outerJoin(KStream, joiner, JoinWindows)`: re-keyed sides are
 * repartitioned first (`<name>-left` / `<name>-right`), the inputs are co-partitioned, and
 * each side gets a window store. Names as Kafka's `KStreamImplJoin`.
 */
export function streamStreamJoin<K, V, VO, VR>(
  stream: KStreamImpl<K, V>,
  other: KStreamImpl<K, VO>,
  joiner: ValueJoiner<any, any, VR, K>,
  windows: JoinWindows,
  streamJoined: StreamJoined<K, V, VO> | undefined,
  joinType: TableJoinType,
): KStreamImpl<K, VR> {
  const b = stream.builder;
  b.checkOwn(other, 'The stream passed to join()');
  if (!(windows instanceof JoinWindows)) throw argumentError('A stream-stream join needs JoinWindows: join(otherStream, joiner, JoinWindows.ofTimeDifferenceWithNoGrace(...)).');
  const given = streamJoined?.name ?? null;
  const keySerde = streamJoined?.keySerde ?? null;
  const thisSide = stream.repartitionRequired ? repartitionForJoin(stream, given === null ? stream.node.name : `${given}-left`, keySerde, streamJoined?.valueSerde ?? null) : stream;
  const otherSide = other.repartitionRequired ? repartitionForJoin(other, given === null ? other.node.name : `${given}-right`, keySerde, streamJoined?.otherValueSerde ?? null) : other;
  const sources = [...new Set([...thisSide.sourceNodes, ...otherSide.sourceNodes])];
  b.copartition(sources);
  const leftOuter = joinType !== 'inner';
  const rightOuter = joinType === 'outer';
  const thisSuffix = rightOuter ? '-outer-this-join' : '-this-join';
  const otherSuffix = leftOuter ? '-outer-other-join' : '-other-join';
  const thisWindowedName = b.suffixedOrGenerate(given, '-this-windowed', 'KSTREAM-WINDOWED-');
  const otherWindowedName = b.suffixedOrGenerate(given, '-other-windowed', 'KSTREAM-WINDOWED-');
  const thisGenerated = b.newProcessorName(rightOuter ? 'KSTREAM-OUTERTHIS-' : 'KSTREAM-JOINTHIS-');
  const otherGenerated = b.newProcessorName(leftOuter ? 'KSTREAM-OUTEROTHER-' : 'KSTREAM-JOINOTHER-');
  const name = b.suffixedOrGenerate(given, '-merge', 'KSTREAM-MERGE-');
  const base = streamJoined?.storeName ?? null;
  const thisSupplier = streamJoined?.thisStoreSupplier ?? null;
  const otherSupplier = streamJoined?.otherStoreSupplier ?? null;
  const store = (supplier: typeof thisSupplier, generated: string, suffix: string, valueSerde: unknown): JoinStoreSpec => ({
    name: supplier?.name ?? `${base === null ? generated : base + suffix}-store`,
    supplier,
    valueSerde: (valueSerde ?? null) as JoinStoreSpec['valueSerde'],
  });
  const outerSuffix = rightOuter ? '-outer-shared-join' : '-left-shared-join';
  const outerBase = thisSupplier?.name || base;
  const outerStore = !leftOuter
    ? null
    : `${outerBase ? outerBase + outerSuffix : `KSTREAM-OUTERSHARED-${thisGenerated.slice(thisGenerated.lastIndexOf('-') + 1)}`}-store`;
  const node = b.add(
    StreamStreamJoinNode.create({
      id: b.nextId(),
      name,
      parents: [thisSide.node.id, otherSide.node.id],
      thisWindowedName,
      otherWindowedName,
      thisJoinName: given === null ? thisGenerated : given + thisSuffix,
      otherJoinName: given === null ? otherGenerated : given + otherSuffix,
      windows,
      joinType,
      joiner,
      keySerde: keySerde ?? thisSide.keySerde,
      thisStore: store(thisSupplier, thisGenerated, thisSuffix, streamJoined?.valueSerde ?? thisSide.valueSerde),
      otherStore: store(otherSupplier, otherGenerated, otherSuffix, streamJoined?.otherValueSerde ?? otherSide.valueSerde),
      outerStore,
      generatedStoreNames: base === null && thisSupplier === null,
      loggingEnabled: streamJoined?.loggingEnabled ?? true,
      logConfig: streamJoined?.logConfig ?? {},
    }),
  );
  // Kafka gives the result only StreamJoined's key serde; both sides sharing one serde is as safe.
  const resultKeySerde = keySerde ?? (thisSide.keySerde === otherSide.keySerde ? thisSide.keySerde : null);
  return new KStreamImpl<K, VR>(b, node, resultKeySerde, null, sources, false);
}

function argumentError(message: string): TopologyError {
  return new TopologyError([{ code: 'invalid-argument', message }]);
}
