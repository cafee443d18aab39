// Kafka: ByteArraySerializer, ByteArrayDeserializer, Serdes.ByteArraySerde
import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

/**
 * Passes bytes through unchanged (no copy), like Java's `ByteArraySerializer`. A plain
 * `Uint8Array` is wrapped as a `Buffer` over the same memory. Stateless; share one instance.
 *
 * @example new ByteArraySerializer().serialize('t', Buffer.from([1, 2])) // the same Buffer
 */
export class ByteArraySerializer implements Serializer<Buffer> {
  serialize(topic: string, data: Uint8Array | null): Buffer | null {
    if (data === null || Buffer.isBuffer(data)) return data;
    if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    throw new SerializationError(
      `Serdes.ByteArray() cannot serialize ${describeValue(data)} for topic "${topic}": expected a Buffer or Uint8Array` +
        (data === undefined ? ' (use null for a tombstone)' : '; use Serdes.String() or Serdes.Json() for other values'),
    );
  }
}

/**
 * Returns the record's bytes unchanged (no copy), like Java's `ByteArrayDeserializer`.
 *
 * @example new ByteArrayDeserializer().deserialize('t', buf) // buf
 */
export class ByteArrayDeserializer implements Deserializer<Buffer> {
  deserialize(_topic: string, data: Buffer | null): Buffer | null {
    return data;
  }
}

const SERIALIZER = new ByteArraySerializer();
const DESERIALIZER = new ByteArrayDeserializer();

/**
 * Raw bytes as `Buffer`, like Java's `Serdes.ByteArray()` and `Serdes.Bytes()`. Stateless.
 *
 * @example Consumed.with(Serdes.String(), Serdes.ByteArray())
 */
export class ByteArraySerde implements Serde<Buffer> {
  serializer(): ByteArraySerializer {
    return SERIALIZER;
  }

  deserializer(): ByteArrayDeserializer {
    return DESERIALIZER;
  }
}
