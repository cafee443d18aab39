// Kafka: KTableReduce
import { KGroupedTableProcessor } from './kgrouped-table-processor.js';

/**
 * Reduces a grouped table: the subtractor removes the old value first, then the adder adds
 * the new one; a key's first value is its initial result. A null result deletes the key.
 */
export class KTableReduceProcessor extends KGroupedTableProcessor {
  constructor(
    storeName: string,
    private readonly adder: (aggregate: any, value: any) => unknown,
    private readonly subtractor: (aggregate: any, value: any) => unknown,
    sendOldValues: boolean,
  ) {
    super('reduce', storeName, sendOldValues);
  }

  protected subtract(_key: unknown, value: unknown, aggregate: unknown): unknown {
    return this.subtractor(aggregate, value);
  }

  protected add(_key: unknown, value: unknown, aggregate: unknown): unknown {
    return aggregate === null ? value : this.adder(aggregate, value);
  }
}
