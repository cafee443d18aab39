// Kafka: KStream
import type { FixedKeyProcessorSupplier, ProcessorSupplier } from '../processor/processor.js';
import type { TopicNameExtractor } from '../processor/topic-name-extractor.js';
import type { KeyValue } from '../state/key-value.js';
import type { BranchedKStream } from './branched-kstream.js';
import type { ForeachAction, KeyValueMapper, Predicate, ValueJoiner, ValueMapper } from './functions.js';
import type { GlobalKTable } from './global-ktable.js';
import type { Grouped } from './grouped.js';
import type { Joined } from './joined.js';
import type { JoinWindows } from '../windows/join-windows.js';
import type { StreamJoined } from './stream-joined.js';
import type { KGroupedStream } from './kgrouped-stream.js';
import type { KTable } from './ktable.js';
import type { Materialized } from './materialized.js';
import type { Named } from './named.js';
import type { Printed } from './printed.js';
import type { Produced } from './produced.js';
import type { Repartitioned } from './repartitioned.js';

/**
 * An immutable stream of events (Kafka's `KStream`). Every operator returns a new stream
 * and takes an optional `Named` for its processor. Stateless operators keep the input
 * timestamp. After a key-changing operator (`map`, `flatMap`, `selectKey`, `process`) the
 * next `groupByKey` or `toTable` repartitions through an internal topic.
 */
export interface KStream<K, V> {
  /** Keeps records for which `predicate` holds. Stateless. */
  filter(predicate: Predicate<K, V>, named?: Named): KStream<K, V>;
  /** Keeps records for which `predicate` fails. Stateless. */
  filterNot(predicate: Predicate<K, V>, named?: Named): KStream<K, V>;
  /** Maps each record to a new key and value (`KeyValue.pair`). Changes keys: grouping afterwards repartitions. */
  map<KR, VR>(mapper: KeyValueMapper<K, V, KeyValue<KR, VR>>, named?: Named): KStream<KR, VR>;
  /** Maps each value (`mapper(value, key)`); the key is kept, so no repartition follows. */
  mapValues<VR>(mapper: ValueMapper<V, VR, K>, named?: Named): KStream<K, VR>;
  /** Maps each record to zero or more records, each with the input timestamp. Changes keys. */
  flatMap<KR, VR>(mapper: KeyValueMapper<K, V, Iterable<KeyValue<KR, VR>>>, named?: Named): KStream<KR, VR>;
  /** Maps each value to zero or more values (`mapper(value, key)`), keeping the key. */
  flatMapValues<VR>(mapper: ValueMapper<V, Iterable<VR>, K>, named?: Named): KStream<K, VR>;
  /** Replaces each key with `mapper(key, value)`. Changes keys. */
  selectKey<KR>(mapper: KeyValueMapper<K, V, KR>, named?: Named): KStream<KR, V>;
  /** Runs `action` per record and passes the record on. */
  peek(action: ForeachAction<K, V>, named?: Named): KStream<K, V>;
  /** Runs `action` per record. Terminal. */
  foreach(action: ForeachAction<K, V>, named?: Named): void;

  /**
   * Prints every record (`[label]: key, value`) to standard output or a file, for debugging
   * (Java's `print(Printed)`). Terminal.
   *
   * @example stream.print(Printed.toSysOut<string, number>().withLabel('counts'))
   */
  print(printed: Printed<K, V>): void;
  /** Both streams' records, in no guaranteed order; repartitions later if either input would. */
  merge(stream: KStream<K, V>, named?: Named): KStream<K, V>;
  /** Routes records to branches; `named` prefixes the branch names. See `BranchedKStream`. */
  split(named?: Named): BranchedKStream<K, V>;
  /**
   * Writes to `topic`, or to the topic `extractor` picks per record (it must exist).
   * Serdes: `produced`, else this stream's, else the defaults.
   */
  to(topic: string | TopicNameExtractor<K, V>, produced?: Produced<K, V>): void;
  /** Always repartitions through `<applicationId>-<name>-repartition` (a new sub-topology). */
  repartition(repartitioned?: Repartitioned<K, V>): KStream<K, V>;
  /**
   * Interprets records as upserts: a null value deletes, a null key is dropped. Repartitions
   * first after a key change. The table is materialized when named or when needed downstream.
   */
  toTable(named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V>;
  /**
   * Joins each record with the table's current row for its key (read when the record is
   * processed; table updates never emit). Emits `(key, joiner(value, tableValue, key))` at
   * the record's timestamp when the table has a row. Records with a null key or value are
   * dropped. Stateless here (reads the table's store); after a key change the stream is
   * repartitioned first (`Joined` names the topic). The inputs must be co-partitioned.
   *
   * @example orders.join(products, (order, product) => ({ ...order, product }))
   */
  join<VO, VR>(table: KTable<K, VO>, joiner: ValueJoiner<V, VO, VR, K>, joined?: Joined<K, V, VO>): KStream<K, VR>;
  /**
   * Joins each record with the global table's row for `keySelector(key, value)`. No
   * repartition and no co-partitioning: every instance holds the whole table. Records with a
   * null value or a null table key are dropped; a null record key is fine.
   *
   * @example orders.join(productsGlobal, (_k, order) => order.productId, (order, product) => ({ ...order, product }))
   */
  join<KG, VG, VR>(globalTable: GlobalKTable<KG, VG>, keySelector: KeyValueMapper<K, V, KG | null>, joiner: ValueJoiner<V, VG, VR, K>, named?: Named): KStream<K, VR>;
  /**
   * Like `join(table)`, but a record without a row (or with a null key) is joined with null,
   * so every record with a value yields an output.
   */
  leftJoin<VO, VR>(table: KTable<K, VO>, joiner: ValueJoiner<V, VO | null, VR, K>, joined?: Joined<K, V, VO>): KStream<K, VR>;
  /** Like `join(globalTable)`, but a record without a row (or whose table key is null) is joined with null. */
  leftJoin<KG, VG, VR>(globalTable: GlobalKTable<KG, VG>, keySelector: KeyValueMapper<K, V, KG | null>, joiner: ValueJoiner<V, VG | null, VR, K>, named?: Named): KStream<K, VR>;
  /**
   * Joins records of two co-partitioned streams with equal keys whose timestamps are within
   * `windows` (`[t - before, t + after]` of this stream's record); both sides trigger, the
   * output has the later timestamp. Stateful: a window store per side (duplicates kept,
   * retained `before + after + grace`). Re-keyed sides are repartitioned first.
   *
   * @example clicks.join(views, (click, view) => ({ click, view }), JoinWindows.ofTimeDifferenceWithNoGrace(60_000))
   */
  join<VO, VR>(otherStream: KStream<K, VO>, joiner: ValueJoiner<V, VO, VR, K>, windows: JoinWindows, streamJoined?: StreamJoined<K, V, VO>): KStream<K, VR>;
  /**
   * Like `join(otherStream)`, but a record of this stream without a partner is emitted joined
   * with null once its window closed (stream time past its end plus grace), so a partner
   * that arrives in time never leaves a spurious `(v, null)` behind.
   */
  leftJoin<VO, VR>(otherStream: KStream<K, VO>, joiner: ValueJoiner<V, VO | null, VR, K>, windows: JoinWindows, streamJoined?: StreamJoined<K, V, VO>): KStream<K, VR>;
  /** Like `leftJoin(otherStream)`, for records of either stream (the missing side is null). */
  outerJoin<VO, VR>(otherStream: KStream<K, VO>, joiner: ValueJoiner<V | null, VO | null, VR, K>, windows: JoinWindows, streamJoined?: StreamJoined<K, V, VO>): KStream<K, VR>;
  /** Groups by the current key; repartitions only after a key change. */
  groupByKey(grouped?: Grouped<K, V>): KGroupedStream<K, V>;
  /** Groups by `selector(key, value)`; always repartitions. `Grouped` names the topic and the selector. */
  groupBy<KR>(selector: KeyValueMapper<K, V, KR>, grouped?: Grouped<KR, V>): KGroupedStream<KR, V>;
  /**
   * Runs a Processor API processor, connected to the named stores (added with
   * `StreamBuilder.addStateStore` or by the supplier's `stores()`). May change keys.
   */
  process<KOut, VOut>(supplier: ProcessorSupplier<K, V, KOut, VOut>, ...stateStoreNames: string[]): KStream<KOut, VOut>;
  process<KOut, VOut>(supplier: ProcessorSupplier<K, V, KOut, VOut>, named: Named, ...stateStoreNames: string[]): KStream<KOut, VOut>;
  /** Runs a fixed-key processor: values may change, keys cannot, so no repartition follows. */
  processValues<VOut>(supplier: FixedKeyProcessorSupplier<K, V, VOut>, ...stateStoreNames: string[]): KStream<K, VOut>;
  processValues<VOut>(supplier: FixedKeyProcessorSupplier<K, V, VOut>, named: Named, ...stateStoreNames: string[]): KStream<K, VOut>;
}
