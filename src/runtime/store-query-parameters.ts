// Kafka: StoreQueryParameters
import type { QueryableStoreType } from './queryable-store-types.js';

/**
 * Which store `KafkaStreams.store()` returns, as what type, and from which tasks: all of
 * this process's running tasks by default, only the task of one partition with
 * `withPartition`, and tasks still restoring too with `enableStaleStores` (Java also
 * includes standby replicas, which kstreams does not keep).
 *
 * @example
 * streams.store(StoreQueryParameters.fromNameAndType('counts-store', QueryableStoreTypes.keyValueStore<string, number>()).withPartition(0));
 */
export class StoreQueryParameters<T> {
  private constructor(
    readonly storeName: string,
    readonly queryableStoreType: QueryableStoreType<T>,
    /** The only partition to query, or null for all. */
    readonly partition: number | null,
    readonly staleStoresEnabled: boolean,
  ) {}

  static fromNameAndType<T>(storeName: string, queryableStoreType: QueryableStoreType<T>): StoreQueryParameters<T> {
    return new StoreQueryParameters(storeName, queryableStoreType, null, false);
  }

  withPartition(partition: number): StoreQueryParameters<T> {
    return new StoreQueryParameters(this.storeName, this.queryableStoreType, partition, this.staleStoresEnabled);
  }

  enableStaleStores(): StoreQueryParameters<T> {
    return new StoreQueryParameters(this.storeName, this.queryableStoreType, this.partition, true);
  }
}
