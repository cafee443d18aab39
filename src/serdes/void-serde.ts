// Kafka: VoidSerializer, VoidDeserializer, Serdes.VoidSerde
import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

/**
 * Serializes the absence of a value: always null, like Java's `VoidSerializer`. Throws
 * `SerializationError` if given a value, rather than silently dropping it. Accepts
 * `undefined` as null. Stateless; share one instance.
 *
 * @example new VoidSerializer().serialize('t', null) // null
 */
export class VoidSerializer implements Serializer<null> {
  serialize(topic: string, data: null): Buffer | null {
    if (data == null) return null;
    throw new SerializationError(
      `Serdes.Void() cannot serialize ${describeValue(data)} for topic "${topic}": it only writes null; ` +
        `pick a serde for the value's type`,
    );
  }
}

/**
 * Accepts only null data and returns null, like Java's `VoidDeserializer`; any bytes
 * (even zero bytes) throw `SerializationError`.
 *
 * @example new VoidDeserializer().deserialize('t', null) // null
 */
export class VoidDeserializer implements Deserializer<null> {
  deserialize(topic: string, data: Buffer | null): null {
    if (data === null) return null;
    throw new SerializationError(
      `Serdes.Void(): expected null data but got ${data.length} bytes from topic "${topic}"; ` +
        `the topic has keys or values, so configure a serde for them instead of Serdes.Void()`,
    );
  }
}

const SERIALIZER = new VoidSerializer();
const DESERIALIZER = new VoidDeserializer();

/**
 * Always-null keys or values, like Java's `Serdes.Void()`. Stateless.
 *
 * @example Consumed.with(Serdes.Void(), Serdes.String()) // a topic without keys
 */
export class VoidSerde implements Serde<null> {
  serializer(): VoidSerializer {
    return SERIALIZER;
  }

  deserializer(): VoidDeserializer {
    return DESERIALIZER;
  }
}
