// Kafka: Predicate, KeyValueMapper, ValueMapper(WithKey), ForeachAction, Initializer, Aggregator, Reducer, Merger, ValueJoiner(WithKey), ForeignKeyExtractor
/** Decides whether a record is kept (`filter`) or which branch it takes (`split`). */
export type Predicate<K, V> = (key: K, value: V) => boolean;

/** Computes something from a record's key and value (`map`, `selectKey`, `groupBy`). */
export type KeyValueMapper<K, V, R> = (key: K, value: V) => R;

/**
 * Computes a new value (`mapValues`). Note the order: value first, then the read-only key
 * (Java's `ValueMapperWithKey` takes the key first).
 */
export type ValueMapper<V, VR, K = unknown> = (value: V, key: K) => VR;

/** A side effect per record (`peek`, `foreach`). */
export type ForeachAction<K, V> = (key: K, value: V) => void;

/** The initial aggregate of a new key. */
export type Initializer<VA> = () => VA;

/** Folds a value into the aggregate of its key; returns the new aggregate. */
export type Aggregator<K, V, VA> = (key: K, value: V, aggregate: VA) => VA;

/** Combines the current aggregate with a value of the same type. */
export type Reducer<V> = (aggregate: V, value: V) => V;

/**
 * Combines the values of a join: this side's value, the other side's value (null where a
 * left or outer join found no partner), and the read-only key (the stream's key for a
 * global-table join). Java's `ValueJoiner` / `ValueJoinerWithKey` in one.
 */
export type ValueJoiner<V1, V2, VR, K = unknown> = (value1: V1, value2: V2, key: K) => VR;

/** Picks the other table's key from a row of this table (foreign-key joins); null means "no foreign key". */
export type ForeignKeyExtractor<V, KO, K = unknown> = (value: V, key: K) => KO | null;

/** Combines the aggregates of two sessions of the same key when they merge. */
export type Merger<K, VA> = (key: K, aggregate1: VA, aggregate2: VA) => VA;
