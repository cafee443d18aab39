import { isExactly } from '../../serdes/internal/defines-own.js';
import { LongDeserializer, LongSerializer } from '../../serdes/long-serde.js';
import type { Deserializer, Serializer } from '../../serdes/serde.js';

/**
 * How a typed store keeps a value it wrote beside the bytes, so that reading that value back
 * skips the deserializer (`CachingKeyValueStore.rememberTyped`): as a value part and a
 * timestamp part, rebuilt into a fresh value on every read. Only for serdes whose
 * deserializer would return an equal value built from immutable parts; a value a processor
 * may mutate in place (any object an aggregator updates) is decoded afresh on every read,
 * as in Kafka Streams.
 */
export interface TypedMemo<V> {
  valueOf(value: V): unknown;
  timeOf(value: V): number;
  /** The value again, as the deserializer would return it. */
  restore(value: unknown, time: number): V;
}

const registered = new WeakMap<Serializer<never>, { deserializer: Deserializer<never>; memo: TypedMemo<never> }>();

/** A safe integer (the serializer throws on any other) reads back as the same number. */
const LONG_MEMO: TypedMemo<number> = {
  valueOf: (value) => value,
  timeOf: () => 0,
  restore: (value) => value as number,
};

/** Declares `memo` valid for values written by `serializer` and read by `deserializer`. */
export function registerTypedMemo<V>(serializer: Serializer<V>, deserializer: Deserializer<V>, memo: TypedMemo<V>): void {
  registered.set(serializer as Serializer<never>, { deserializer: deserializer as Deserializer<never>, memo: memo as TypedMemo<never> });
}

/** The memo for this serializer and deserializer pair, or null when values must be decoded every time. */
export function typedMemoOf<V>(serializer: Serializer<V>, deserializer: Deserializer<V>): TypedMemo<V> | null {
  const entry = registered.get(serializer as Serializer<never>);
  if (entry !== undefined) return entry.deserializer === deserializer ? (entry.memo as TypedMemo<V>) : null;
  if (isExactly(serializer, LongSerializer) && isExactly(deserializer, LongDeserializer)) return LONG_MEMO as TypedMemo<V>;
  return null;
}
