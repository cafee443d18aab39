// Kafka: KTable
import type { ValueTransformerWithKeySupplier } from '../processor/value-transformer-with-key.js';
import type { KeyValue } from '../state/key-value.js';
import type { ForeignKeyExtractor, KeyValueMapper, Predicate, ValueJoiner, ValueMapper } from './functions.js';
import type { Grouped } from './grouped.js';
import type { KGroupedTable } from './kgrouped-table.js';
import type { KStream } from './kstream.js';
import type { Materialized } from './materialized.js';
import type { Named } from './named.js';
import type { Suppressed } from './suppressed.js';
import type { TableJoined } from './table-joined.js';

/**
 * An immutable changelog view of a table (Kafka's `KTable`): each record is an upsert, a
 * null value deletes. Operators pass changes (new and old value) to each other. A
 * materialized table with caching (the default) emits on commit, one update per key.
 */
export interface KTable<K, V> {
  /** Keeps rows for which `predicate` holds; a failing update is emitted as a tombstone. */
  filter(predicate: Predicate<K, V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V>;
  /** Keeps rows for which `predicate` fails; a failing update is emitted as a tombstone. */
  filterNot(predicate: Predicate<K, V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V>;
  /** Maps each row's value (`mapper(value, key)`); tombstones stay tombstones. */
  mapValues<VR>(mapper: ValueMapper<V, VR, K>, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR>;
  /**
   * Computes each row's value with a transformer that can read and write state stores
   * (`stateStoreNames`, added with `StreamBuilder.addStateStore`). Unlike `mapValues` the
   * transformer also sees deletes (`value` null). Materialized (stateful, with a changelog)
   * only when `Materialized` names a store; otherwise joins reading this table call a
   * transformer of their own on the parent's row. Does not repartition.
   *
   * @example table.transformValues(() => new Enrich(), 'names')
   */
  transformValues<VR>(supplier: ValueTransformerWithKeySupplier<K, V, VR>, ...stateStoreNames: string[]): KTable<K, VR>;
  transformValues<VR>(supplier: ValueTransformerWithKeySupplier<K, V, VR>, named: Named, ...stateStoreNames: string[]): KTable<K, VR>;
  transformValues<VR>(supplier: ValueTransformerWithKeySupplier<K, V, VR>, materialized: Materialized<K, VR>, ...stateStoreNames: string[]): KTable<K, VR>;
  transformValues<VR>(
    supplier: ValueTransformerWithKeySupplier<K, V, VR>,
    materialized: Materialized<K, VR>,
    named: Named,
    ...stateStoreNames: string[]
  ): KTable<K, VR>;
  /** The stream of updates re-keyed by `mapper(key, value)` (`toStream(named).selectKey(mapper)`, as in Java). */
  toStream<KR>(mapper: KeyValueMapper<K, V, KR>, named?: Named): KStream<KR, V>;
  /** The stream of updates: each change's new value, a deletion as `(key, null)`. */
  toStream(named?: Named): KStream<K, V>;
  /**
   * Re-groups rows by `selector(key, value)` (a `KeyValue` of new key and value). Always
   * repartitions; aggregations subtract a row's old value and add its new one.
   */
  groupBy<KR, VR>(selector: KeyValueMapper<K, V, KeyValue<KR, VR>>, grouped?: Grouped<KR, VR>): KGroupedTable<KR, VR>;
  /**
   * Foreign-key join: each row joins the other table's row whose key is
   * `foreignKeyExtractor(value, key)`; the result has this table's keys. Stateful (a
   * subscription store on the other side) and repartitions through two internal topics;
   * responses made for an older version of a row are dropped, so results are never stale.
   * Rows without a foreign key or partner yield nothing (or a tombstone for an earlier result).
   *
   * @example orders.join(customers, (order) => order.customerId, (order, customer) => ({ ...order, customer }))
   */
  join<KO, VO, VR>(
    other: KTable<KO, VO>,
    foreignKeyExtractor: ForeignKeyExtractor<V, KO, K>,
    joiner: ValueJoiner<V, VO, VR, K>,
    tableJoined?: TableJoined<K, KO> | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR>;
  /**
   * Joins rows with equal keys of two co-partitioned tables; both sides trigger, each
   * looking up the other's current row. A row without a partner yields nothing (or deletes
   * the earlier result: a tombstone). The output timestamp is the later of the two rows'.
   * Materialized only when `Materialized` is given.
   *
   * @example users.join(accounts, (user, account) => ({ ...user, account }))
   */
  join<VO, VR>(other: KTable<K, VO>, joiner: ValueJoiner<V, VO, VR, K>, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR>;
  /** Like the foreign-key `join`, but a row without a foreign key or partner is joined with null. */
  leftJoin<KO, VO, VR>(
    other: KTable<KO, VO>,
    foreignKeyExtractor: ForeignKeyExtractor<V, KO, K>,
    joiner: ValueJoiner<V, VO | null, VR, K>,
    tableJoined?: TableJoined<K, KO> | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR>;
  /** Like `join(other)`, but every row of this table yields a result, joined with null when the other has no row. */
  leftJoin<VO, VR>(other: KTable<K, VO>, joiner: ValueJoiner<V, VO | null, VR, K>, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR>;
  /** Like `join(other)`, but a row of either table yields a result, joined with null where the other has no row. */
  outerJoin<VO, VR>(other: KTable<K, VO>, joiner: ValueJoiner<V | null, VO | null, VR, K>, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR>;
  /**
   * Holds back updates: `Suppressed.untilWindowCloses` emits one final result per window once
   * it closes (windowed tables only), `untilTimeLimit` the latest update per key after a
   * delay. Stateful: an in-memory buffer with a changelog. Driven by stream time only.
   */
  suppress(suppressed: Suppressed<K>): KTable<K, V>;
  /**
   * The name of the store to query (`KafkaStreams.store`), or null when the table is not
   * materialized under a name (`Materialized.as`), as Java's `queryableStoreName()`.
   */
  queryableStoreName(): string | null;
}
