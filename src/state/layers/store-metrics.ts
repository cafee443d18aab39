/**
 * Operation counters of one store instance (a stand-in for Kafka's store-level sensors
 * `put-rate`, `get-rate`, ... until metrics are exported).
 */
export class StoreMetrics {
  puts = 0;
  putIfAbsents = 0;
  putAlls = 0;
  gets = 0;
  deletes = 0;
  ranges = 0;
  prefixScans = 0;
  flushes = 0;

  constructor(
    readonly storeName: string,
    /** e.g. `leveldb`, `in-memory` (Java's `metricsScope`). */
    readonly scope: string,
  ) {}
}
