// Kafka: Repartitioned
import type { Serde } from '../serdes/serde.js';
import type { StreamPartitioner } from '../processor/stream-partitioner.js';
import { TopologyError } from '../errors/topology-error.js';
import { validateName } from './named.js';

/**
 * How `KStream.repartition` repartitions: the topic name (`<applicationId>-<name>-repartition`),
 * serdes, a partition count (else the upstream's) and a partitioner.
 *
 * @example stream.repartition(Repartitioned.as('by-user').withNumberOfPartitions(6))
 */
export class Repartitioned<K, V> {
  private constructor(
    readonly name: string | null,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly numberOfPartitions: number | null,
    readonly partitioner: StreamPartitioner<K, V> | null,
  ) {}

  static as<K = any, V = any>(name: string): Repartitioned<K, V> {
    validateName(name);
    return new Repartitioned<K, V>(name, null, null, null, null);
  }

  static with<K, V>(keySerde: Serde<K> | null, valueSerde: Serde<V> | null): Repartitioned<K, V> {
    return new Repartitioned(null, keySerde, valueSerde, null, null);
  }

  static numberOfPartitions<K = any, V = any>(numberOfPartitions: number): Repartitioned<K, V> {
    return new Repartitioned<K, V>(null, null, null, checkPartitions(numberOfPartitions), null);
  }

  static streamPartitioner<K = any, V = any>(partitioner: StreamPartitioner<K, V>): Repartitioned<K, V> {
    return new Repartitioned<K, V>(null, null, null, null, partitioner);
  }

  withName(name: string): Repartitioned<K, V> {
    validateName(name);
    return new Repartitioned(name, this.keySerde, this.valueSerde, this.numberOfPartitions, this.partitioner);
  }

  withKeySerde<K2>(keySerde: Serde<K2>): Repartitioned<K2, V> {
    return new Repartitioned<K2, V>(this.name, keySerde, this.valueSerde, this.numberOfPartitions, this.partitioner as StreamPartitioner<K2, V> | null);
  }

  withValueSerde<V2>(valueSerde: Serde<V2>): Repartitioned<K, V2> {
    return new Repartitioned<K, V2>(this.name, this.keySerde, valueSerde, this.numberOfPartitions, this.partitioner as StreamPartitioner<K, V2> | null);
  }

  withNumberOfPartitions(numberOfPartitions: number): Repartitioned<K, V> {
    return new Repartitioned(this.name, this.keySerde, this.valueSerde, checkPartitions(numberOfPartitions), this.partitioner);
  }

  withStreamPartitioner(partitioner: StreamPartitioner<K, V>): Repartitioned<K, V> {
    return new Repartitioned(this.name, this.keySerde, this.valueSerde, this.numberOfPartitions, partitioner);
  }
}

function checkPartitions(n: number): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new TopologyError([{ code: 'invalid-partitions', message: `Repartitioned: the number of partitions must be a positive integer (got ${n}).` }]);
  }
  return n;
}
