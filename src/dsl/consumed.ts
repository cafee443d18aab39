// Kafka: Consumed
import type { Serde } from '../serdes/serde.js';
import type { TimestampExtractor } from '../processor/timestamp-extractor.js';
import { AutoOffsetReset, type OffsetResetPolicy } from '../processor/auto-offset-reset.js';
import { validateName } from './named.js';

/**
 * How `StreamBuilder.stream/table` read a topic: serdes (else the config's defaults), a
 * timestamp extractor, where to start without committed offsets, and the source's name.
 *
 * @example builder.stream('words', Consumed.with(Serdes.String(), Serdes.String()))
 */
export class Consumed<K, V> {
  private constructor(
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly timestampExtractor: TimestampExtractor | null,
    readonly offsetReset: AutoOffsetReset | null,
    readonly name: string | null,
  ) {}

  /** Serdes and optionally an extractor and offset reset; a null serde means the default. */
  static with<K, V>(
    keySerde: Serde<K> | null,
    valueSerde: Serde<V> | null,
    timestampExtractor: TimestampExtractor | null = null,
    offsetReset: OffsetResetPolicy | null = null,
  ): Consumed<K, V> {
    return new Consumed(keySerde, valueSerde, timestampExtractor, offsetReset === null ? null : AutoOffsetReset.of(offsetReset), null);
  }

  /** Names the source node. */
  static as<K = any, V = any>(name: string): Consumed<K, V> {
    validateName(name);
    return new Consumed<K, V>(null, null, null, null, name);
  }

  /** Only a timestamp extractor. */
  static withTimestampExtractor<K = any, V = any>(extractor: TimestampExtractor): Consumed<K, V> {
    return new Consumed<K, V>(null, null, extractor, null, null);
  }

  /** Only an offset reset policy. */
  static withOffsetResetPolicy<K = any, V = any>(offsetReset: OffsetResetPolicy): Consumed<K, V> {
    return new Consumed<K, V>(null, null, null, AutoOffsetReset.of(offsetReset), null);
  }

  withKeySerde<K2>(keySerde: Serde<K2>): Consumed<K2, V> {
    return new Consumed(keySerde, this.valueSerde, this.timestampExtractor, this.offsetReset, this.name);
  }

  withValueSerde<V2>(valueSerde: Serde<V2>): Consumed<K, V2> {
    return new Consumed(this.keySerde, valueSerde, this.timestampExtractor, this.offsetReset, this.name);
  }

  withTimestampExtractor(extractor: TimestampExtractor): Consumed<K, V> {
    return new Consumed(this.keySerde, this.valueSerde, extractor, this.offsetReset, this.name);
  }

  withOffsetResetPolicy(offsetReset: OffsetResetPolicy): Consumed<K, V> {
    return new Consumed(this.keySerde, this.valueSerde, this.timestampExtractor, AutoOffsetReset.of(offsetReset), this.name);
  }

  withName(name: string): Consumed<K, V> {
    validateName(name);
    return new Consumed(this.keySerde, this.valueSerde, this.timestampExtractor, this.offsetReset, name);
  }
}
