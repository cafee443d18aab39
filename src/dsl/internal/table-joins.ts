// Kafka: KTableImpl.doJoin (table-table) and KTableImpl.doJoinOnForeignKey
import type { Serde } from '../../serdes/serde.js';
import { TopologyError } from '../../errors/topology-error.js';
import { ForeignKeyJoinNode, type ForeignKeyJoinNames } from '../../topology/graph/foreign-key-join-node.js';
import { TableTableJoinNode, type TableJoinType } from '../../topology/graph/table-table-join-node.js';
import type { ForeignKeyExtractor, ValueJoiner } from '../functions.js';
import { Materialized } from '../materialized.js';
import { Named } from '../named.js';
import { TableJoined } from '../table-joined.js';
import { splitNamedAndMaterialized } from './arguments.js';
import { KTableImpl } from './ktable-impl.js';
import { materializedInternal, toStoreSpec } from './materialized-internal.js';

/**
 * `KTable.join/leftJoin/outerJoin(KTable)`: co-partitioned tables, both sides trigger. The
 * result is materialized only when a `Materialized` is given (a nameless one gets a
 * generated store name, as in Kafka).
 */
export function tableTableJoin<K, V, VO, VR>(
  table: KTableImpl<K, V>,
  other: KTableImpl<K, VO>,
  joiner: ValueJoiner<any, any, VR, K>,
  joinType: TableJoinType,
  named: Named | Materialized<K, VR> | undefined,
  materialized: Materialized<K, VR> | undefined,
): KTableImpl<K, VR> {
  const builder = table.builder;
  builder.checkOwn(other, 'The table passed to join()');
  const [n, m] = splitNamedAndMaterialized(named, materialized);
  // Kafka parses Materialized (generating a store name) before naming the processors.
  const mi = m === undefined ? null : materializedInternal(m, builder, 'KTABLE-MERGE-');
  const given = n?.name ?? null;
  const name = builder.nameOrGenerate(given, 'KTABLE-MERGE-');
  const sources = [...new Set([...table.sourceNodes, ...other.sourceNodes])];
  builder.copartition(sources);
  const thisName = builder.suffixedOrGenerate(given, '-join-this', 'KTABLE-JOINTHIS-');
  const otherName = builder.suffixedOrGenerate(given, '-join-other', 'KTABLE-JOINOTHER-');
  const keySerde = (mi?.keySerde ?? table.keySerde) as Serde<K> | null;
  const store = mi === null ? null : toStoreSpec(mi, { keySerde });
  const node = builder.add(
    TableTableJoinNode.create({ id: builder.nextId(), name, parents: [table.node.id, other.node.id], thisName, otherName, joinType, joiner, store }),
  );
  const queryable = store === null || store.generatedName ? null : store.name;
  return new KTableImpl<K, VR>(builder, node, keySerde, (mi?.valueSerde ?? null) as Serde<VR> | null, sources, queryable);
}

/**
 * `KTable.join/leftJoin(other, foreignKeyExtractor, joiner)`: each row of this table joins
 * the other table's row whose key `foreignKeyExtractor(value, key)` returns. Repartitions
 * through a subscription and a response topic; the result has this table's keys.
 */
export function foreignKeyJoin<K, V, KO, VO, VR>(
  table: KTableImpl<K, V>,
  other: KTableImpl<KO, VO>,
  extractor: ForeignKeyExtractor<V, KO, K>,
  joiner: ValueJoiner<V, any, VR, K>,
  options: TableJoined<K, KO> | Materialized<K, VR> | Named | undefined,
  materialized: Materialized<K, VR> | undefined,
  leftJoin: boolean,
): KTableImpl<K, VR> {
  const builder = table.builder;
  builder.checkOwn(other, 'The table passed to join()');
  if (typeof joiner !== 'function') throw argumentError('A foreign-key join takes the extractor, then a joiner: join(other, (value, key) => foreignKey, (value, otherValue) => result).');
  const tableJoined = options instanceof TableJoined ? options : null;
  const m = options instanceof Materialized ? options : materialized;
  const given = tableJoined?.name ?? (options instanceof Named ? options.name : null);
  const names = foreignKeyJoinNames(table, other, given);
  const mi = materializedInternal(m ?? Materialized.with<K, VR>(null, null), builder, 'KTABLE-FK-JOIN-OUTPUT-');
  const keySerde = (mi.keySerde ?? table.keySerde) as Serde<K> | null;
  const node = builder.add(
    ForeignKeyJoinNode.create({
      id: builder.nextId(),
      name: names.result,
      parents: [table.node.id, other.node.id],
      names: names.fk,
      generatedNames: given === null,
      extractor,
      joiner,
      leftJoin,
      keySerde: table.keySerde,
      valueSerde: table.valueSerde,
      foreignKeySerde: other.keySerde,
      foreignValueSerde: other.valueSerde,
      partitioner: tableJoined?.partitioner ?? null,
      otherPartitioner: tableJoined?.otherPartitioner ?? null,
      resultStore: toStoreSpec(mi, { keySerde }),
    }),
  );
  const sources = [...new Set([...table.sourceNodes, names.fk.responseSource])];
  return new KTableImpl<K, VR>(builder, node, table.keySerde, mi.valueSerde as Serde<VR> | null, sources, mi.generatedName ? null : mi.name);
}

/** Names in Kafka's order (counter values are burned even when a name is given). */
function foreignKeyJoinNames(table: KTableImpl<any, any>, other: KTableImpl<any, any>, given: string | null): { fk: ForeignKeyJoinNames; result: string } {
  const b = table.builder;
  const name = (suffix: string, prefix: string): string => b.suffixedOrGenerate(given, suffix, prefix);
  const registrationTopic = `${name('-subscription-registration', 'KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-')}-topic`;
  const send = name('-subscription-registration-processor', 'KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-');
  const registrationSink = name('-subscription-registration-sink', 'KTABLE-SINK-');
  const registrationSource = name('-subscription-registration-source', 'KTABLE-SOURCE-');
  // The subscription topic is read on the other table's side: co-partitioned with it.
  b.copartition([...other.sourceNodes, registrationSource]);
  const subscriptionStore = name('-subscription-store', 'KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-');
  const receive = name('-subscription-receive', 'KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-');
  const joinForeign = name('-subscription-join-foreign', 'KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-');
  const foreignJoin = name('-foreign-join-subscription', 'KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-');
  const responseTopic = `${name('-subscription-response', 'KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-')}-topic`;
  const responseSink = name('-subscription-response-sink', 'KTABLE-SINK-');
  const responseSource = name('-subscription-response-source', 'KTABLE-SOURCE-');
  // Responses go back to this table's partitions.
  b.copartition([...table.sourceNodes, responseSource]);
  const resolver = name('-subscription-response-resolver', 'KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-RESOLVER-PROCESSOR-');
  const result = name('-result', 'KTABLE-FK-JOIN-OUTPUT-');
  return {
    fk: { registrationTopic, send, registrationSink, registrationSource, subscriptionStore, receive, joinForeign, foreignJoin, responseTopic, responseSink, responseSource, resolver },
    result,
  };
}

function argumentError(message: string): TopologyError {
  return new TopologyError([{ code: 'invalid-argument', message }]);
}
