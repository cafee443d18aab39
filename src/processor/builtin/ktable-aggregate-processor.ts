// Kafka: KTableAggregate (also KGroupedTable.count)
import { KGroupedTableProcessor } from './kgrouped-table-processor.js';

/**
 * Aggregates a grouped table: the subtractor removes the old value first, then the adder
 * adds the new one (initializing a missing aggregate). A tombstone only subtracts; a null
 * result deletes the key, and the next value re-initializes it.
 */
export class KTableAggregateProcessor extends KGroupedTableProcessor {
  constructor(
    storeName: string,
    private readonly initializer: () => unknown,
    private readonly adder: (key: any, value: any, aggregate: any) => unknown,
    private readonly subtractor: (key: any, value: any, aggregate: any) => unknown,
    sendOldValues: boolean,
  ) {
    super('aggregate', storeName, sendOldValues);
  }

  protected subtract(key: unknown, value: unknown, aggregate: unknown): unknown {
    return this.subtractor(key, value, aggregate);
  }

  protected add(key: unknown, value: unknown, aggregate: unknown): unknown {
    return this.adder(key, value, aggregate ?? this.initializer());
  }
}
