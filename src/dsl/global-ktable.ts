// Kafka: GlobalKTable
/**
 * A table replicated in full on every application instance (Kafka's `GlobalKTable`), made
 * by `StreamBuilder.globalTable(topic)`. Every instance reads the whole topic into a local
 * store before it processes anything and keeps following it; streams join it by any key
 * they can compute (`KStream.join(globalTable, keySelector, joiner)`), without
 * co-partitioning or repartitioning. Updates to the table never trigger a join.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- K and V type the joins
export interface GlobalKTable<K, V> {
  /** The name of the store to query, or null when the table was not named with `Materialized.as` (Java's `queryableStoreName()`). */
  queryableStoreName(): string | null;
  /** Always true: tells a global table from a `KTable` (the overloads of `KStream.join`). */
  readonly global: true;
}
