// Kafka: Serdes
import { BigLongSerde } from './big-long-serde.js';
import { BooleanSerde } from './boolean-serde.js';
import { ByteArraySerde } from './byte-array-serde.js';
import { DoubleSerde } from './double-serde.js';
import { FloatSerde } from './float-serde.js';
import { IntegerSerde } from './integer-serde.js';
import { JsonSerde } from './json-serde.js';
import { LongSerde } from './long-serde.js';
import { serdeFrom } from './serde-from.js';
import { ShortSerde } from './short-serde.js';
import { StringSerde } from './string-serde.js';
import { UUIDSerde } from './uuid-serde.js';
import { VoidSerde } from './void-serde.js';

// Every built-in serde is stateless, so each factory hands out one shared instance.
const STRING = new StringSerde();
const LONG = new LongSerde();
const BIG_LONG = new BigLongSerde();
const INTEGER = new IntegerSerde();
const SHORT = new ShortSerde();
const FLOAT = new FloatSerde();
const DOUBLE = new DoubleSerde();
const BYTE_ARRAY = new ByteArraySerde();
const UUID = new UUIDSerde();
const BOOLEAN = new BooleanSerde();
const VOID = new VoidSerde();
const JSON_SERDE = new JsonSerde<unknown>();

/**
 * Factories for the built-in serdes, named as in Java's `Serdes` so code ports line by
 * line. Every serde maps null to null both ways and throws `SerializationError` for bad
 * input; all but `Json` and `BigLong` write the same bytes as the Java serde of the same name.
 *
 * @example
 * builder.stream('orders', Consumed.with(Serdes.String(), Serdes.Json<Order>()))
 *   .groupByKey()
 *   .count(Materialized.with(Serdes.String(), Serdes.Long()));
 */
export const Serdes = Object.freeze({
  /** UTF-8 strings. */
  String: (): StringSerde => STRING,
  /** 8-byte big-endian signed longs as `number`; throws outside the safe-integer range (use `BigLong`). */
  Long: (): LongSerde => LONG,
  /** 8-byte big-endian signed longs as `bigint`: the same bytes as `Long`, the full 64-bit range. */
  BigLong: (): BigLongSerde => BIG_LONG,
  /** 4-byte big-endian signed ints as `number`. */
  Integer: (): IntegerSerde => INTEGER,
  /** 2-byte big-endian signed shorts as `number`. */
  Short: (): ShortSerde => SHORT,
  /** 4-byte big-endian IEEE 754 floats as `number` (rounded to single precision). */
  Float: (): FloatSerde => FLOAT,
  /** 8-byte big-endian IEEE 754 doubles as `number`. */
  Double: (): DoubleSerde => DOUBLE,
  /** Raw bytes, passed through unchanged. */
  ByteArray: (): ByteArraySerde => BYTE_ARRAY,
  /** Raw bytes; the same serde as `ByteArray` (Java's `Bytes` wrapper is just a `Buffer` here). */
  Bytes: (): ByteArraySerde => BYTE_ARRAY,
  /** UUIDs as canonical lower-case strings, written as 36 bytes of UTF-8 text like Java. */
  UUID: (): UUIDSerde => UUID,
  /** Booleans as one byte, 0x01 or 0x00. */
  Boolean: (): BooleanSerde => BOOLEAN,
  /** Always-null keys or values; any bytes on read throw. */
  Void: (): VoidSerde => VOID,
  /** Values of type `T` as UTF-8 JSON; `T` is not validated on read. */
  Json: <T = unknown>(): JsonSerde<T> => JSON_SERDE as JsonSerde<T>,
  /** Pairs a serializer and a deserializer into a `Serde`. */
  serdeFrom,
});
