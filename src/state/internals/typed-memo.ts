import { isExactly } from '../../serdes/internal/defines-own.js';
import { LongDeserializer, LongSerializer } from '../../serdes/long-serde.js';
import type { Deserializer, Serializer } from '../../serdes/serde.js';

/**
 * What a typed store may keep beside the bytes of a value it wrote, so that reading that
 * value back skips the deserializer (`CachingKeyValueStore.rememberTyped`): the value itself,
 * or an immutable copy. Only for serdes whose deserializer would return an equal value that
 * the caller cannot change: a value a processor may mutate in place (any object an
 * aggregator updates) must be decoded afresh on every read, as in Kafka Streams.
 */
export type TypedMemo<V> = (value: V) => unknown;

const registered = new WeakMap<Serializer<never>, { deserializer: Deserializer<never>; memo: TypedMemo<never> }>();

const keepNumber: TypedMemo<number> = (value) => value;

/** Declares `memo` valid for values written by `serializer` and read by `deserializer`. */
export function registerTypedMemo<V>(serializer: Serializer<V>, deserializer: Deserializer<V>, memo: TypedMemo<V>): void {
  registered.set(serializer as Serializer<never>, { deserializer: deserializer as Deserializer<never>, memo: memo as TypedMemo<never> });
}

/** The memo for this serializer and deserializer pair, or null when values must be decoded every time. */
export function typedMemoOf<V>(serializer: Serializer<V>, deserializer: Deserializer<V>): TypedMemo<V> | null {
  const entry = registered.get(serializer as Serializer<never>);
  if (entry !== undefined) return entry.deserializer === deserializer ? (entry.memo as TypedMemo<V>) : null;
  // A safe integer (the serializer throws on any other) reads back as the same number.
  if (isExactly(serializer, LongSerializer) && isExactly(deserializer, LongDeserializer)) return keepNumber as TypedMemo<V>;
  return null;
}
