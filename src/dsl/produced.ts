// Kafka: Produced
import type { Serde } from '../serdes/serde.js';
import type { StreamPartitioner } from '../processor/stream-partitioner.js';
import { validateName } from './named.js';

/**
 * How `KStream.to` writes: serdes (else the stream's, else the config's defaults), a
 * partitioner (default: murmur2 of the serialized key) and the sink's name.
 *
 * @example counts.toStream().to('word-counts', Produced.with(Serdes.String(), Serdes.Long()))
 */
export class Produced<K, V> {
  private constructor(
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly partitioner: StreamPartitioner<K, V> | null,
    readonly name: string | null,
  ) {}

  static with<K, V>(keySerde: Serde<K> | null, valueSerde: Serde<V> | null, partitioner: StreamPartitioner<K, V> | null = null): Produced<K, V> {
    return new Produced(keySerde, valueSerde, partitioner, null);
  }

  /** Names the sink node. */
  static as<K = any, V = any>(name: string): Produced<K, V> {
    validateName(name);
    return new Produced<K, V>(null, null, null, name);
  }

  static keySerde<K, V = any>(keySerde: Serde<K>): Produced<K, V> {
    return new Produced<K, V>(keySerde, null, null, null);
  }

  static valueSerde<K = any, V = any>(valueSerde: Serde<V>): Produced<K, V> {
    return new Produced<K, V>(null, valueSerde, null, null);
  }

  static streamPartitioner<K = any, V = any>(partitioner: StreamPartitioner<K, V>): Produced<K, V> {
    return new Produced<K, V>(null, null, partitioner, null);
  }

  withKeySerde<K2>(keySerde: Serde<K2>): Produced<K2, V> {
    return new Produced<K2, V>(keySerde, this.valueSerde, this.partitioner as StreamPartitioner<K2, V> | null, this.name);
  }

  withValueSerde<V2>(valueSerde: Serde<V2>): Produced<K, V2> {
    return new Produced<K, V2>(this.keySerde, valueSerde, this.partitioner as StreamPartitioner<K, V2> | null, this.name);
  }

  withStreamPartitioner(partitioner: StreamPartitioner<K, V>): Produced<K, V> {
    return new Produced(this.keySerde, this.valueSerde, partitioner, this.name);
  }

  withName(name: string): Produced<K, V> {
    validateName(name);
    return new Produced(this.keySerde, this.valueSerde, this.partitioner, name);
  }
}
