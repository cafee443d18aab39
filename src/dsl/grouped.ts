// Kafka: Grouped
import type { Serde } from '../serdes/serde.js';
import { validateName } from './named.js';

/**
 * How `groupBy`/`groupByKey` group: serdes of the repartition topic, and a name. The name
 * names the repartition topic (`<applicationId>-<name>-repartition`) and, for
 * `KStream.groupBy`/`KTable.groupBy`, the key-selecting processor.
 *
 * @example stream.groupBy((k, v) => v, Grouped.with(Serdes.String(), Serdes.String()).withName('by-word'))
 */
export class Grouped<K, V> {
  private constructor(
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly name: string | null,
  ) {}

  static with<K, V>(keySerde: Serde<K> | null, valueSerde: Serde<V> | null): Grouped<K, V> {
    return new Grouped(keySerde, valueSerde, null);
  }

  static as<K = any, V = any>(name: string): Grouped<K, V> {
    validateName(name);
    return new Grouped<K, V>(null, null, name);
  }

  static keySerde<K, V = any>(keySerde: Serde<K>): Grouped<K, V> {
    return new Grouped<K, V>(keySerde, null, null);
  }

  static valueSerde<K = any, V = any>(valueSerde: Serde<V>): Grouped<K, V> {
    return new Grouped<K, V>(null, valueSerde, null);
  }

  withKeySerde<K2>(keySerde: Serde<K2>): Grouped<K2, V> {
    return new Grouped(keySerde, this.valueSerde, this.name);
  }

  withValueSerde<V2>(valueSerde: Serde<V2>): Grouped<K, V2> {
    return new Grouped(this.keySerde, valueSerde, this.name);
  }

  withName(name: string): Grouped<K, V> {
    validateName(name);
    return new Grouped(this.keySerde, this.valueSerde, name);
  }
}
