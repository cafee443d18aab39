// Kafka: Joined
import type { Serde } from '../serdes/serde.js';
import { validateName } from './named.js';

/**
 * How `KStream.join/leftJoin(table)` joins: serdes for the repartition topic the stream is
 * sent through after a key change (key, this stream's value, the table's value), and a
 * name for the join processor and that topic (`<applicationId>-<name>-repartition`).
 *
 * @example orders.join(products, joiner, Joined.with(Serdes.String(), orderSerde, productSerde).withName('order-product'))
 */
export class Joined<K, V, VO> {
  private constructor(
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly otherValueSerde: Serde<VO> | null,
    readonly name: string | null,
  ) {}

  static with<K, V, VO>(
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
    otherValueSerde: Serde<VO> | null = null,
    name: string | null = null,
  ): Joined<K, V, VO> {
    if (name !== null) validateName(name);
    return new Joined(keySerde, valueSerde, otherValueSerde, name);
  }

  /** Names the join processor (and a repartition topic it needs). */
  static as<K = any, V = any, VO = any>(name: string): Joined<K, V, VO> {
    validateName(name);
    return new Joined<K, V, VO>(null, null, null, name);
  }

  static keySerde<K, V = any, VO = any>(keySerde: Serde<K>): Joined<K, V, VO> {
    return new Joined<K, V, VO>(keySerde, null, null, null);
  }

  static valueSerde<K = any, V = any, VO = any>(valueSerde: Serde<V>): Joined<K, V, VO> {
    return new Joined<K, V, VO>(null, valueSerde, null, null);
  }

  static otherValueSerde<K = any, V = any, VO = any>(otherValueSerde: Serde<VO>): Joined<K, V, VO> {
    return new Joined<K, V, VO>(null, null, otherValueSerde, null);
  }

  withKeySerde<K2>(keySerde: Serde<K2>): Joined<K2, V, VO> {
    return new Joined(keySerde, this.valueSerde, this.otherValueSerde, this.name);
  }

  withValueSerde<V2>(valueSerde: Serde<V2>): Joined<K, V2, VO> {
    return new Joined(this.keySerde, valueSerde, this.otherValueSerde, this.name);
  }

  withOtherValueSerde<VO2>(otherValueSerde: Serde<VO2>): Joined<K, V, VO2> {
    return new Joined(this.keySerde, this.valueSerde, otherValueSerde, this.name);
  }

  withName(name: string): Joined<K, V, VO> {
    validateName(name);
    return new Joined(this.keySerde, this.valueSerde, this.otherValueSerde, name);
  }
}
