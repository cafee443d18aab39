// Kafka: TableJoined
import type { StreamPartitioner } from '../processor/stream-partitioner.js';
import { validateName } from './named.js';

/**
 * How a foreign-key `KTable.join` runs: partitioners of this table's and the other table's
 * topics when they are not partitioned by murmur2 of the serialized key (the response and
 * subscription topics must be partitioned like them), and a name for its processors,
 * subscription store and internal topics (`<applicationId>-<name>-subscription-registration-topic`).
 *
 * @example orders.join(customers, (o) => o.customerId, joiner, TableJoined.as('order-customer'))
 */
export class TableJoined<K, KO> {
  private constructor(
    readonly partitioner: StreamPartitioner<K, unknown> | null,
    readonly otherPartitioner: StreamPartitioner<KO, unknown> | null,
    readonly name: string | null,
  ) {}

  static with<K, KO>(partitioner: StreamPartitioner<K, unknown> | null, otherPartitioner: StreamPartitioner<KO, unknown> | null): TableJoined<K, KO> {
    return new TableJoined(partitioner, otherPartitioner, null);
  }

  static as<K = any, KO = any>(name: string): TableJoined<K, KO> {
    validateName(name);
    return new TableJoined<K, KO>(null, null, name);
  }

  withPartitioner(partitioner: StreamPartitioner<K, unknown> | null): TableJoined<K, KO> {
    return new TableJoined(partitioner, this.otherPartitioner, this.name);
  }

  withOtherPartitioner(otherPartitioner: StreamPartitioner<KO, unknown> | null): TableJoined<K, KO> {
    return new TableJoined(this.partitioner, otherPartitioner, this.name);
  }

  withName(name: string): TableJoined<K, KO> {
    validateName(name);
    return new TableJoined(this.partitioner, this.otherPartitioner, name);
  }
}
