// Kafka: BooleanSerializer, BooleanDeserializer, Serdes.BooleanSerde
import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import { wrongSize } from './internal/wrong-size.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

/**
 * Writes a boolean as one byte, 0x01 or 0x00, like Java's `BooleanSerializer`.
 * Stateless; share one instance.
 *
 * @example new BooleanSerializer().serialize('t', true) // <01>
 */
export class BooleanSerializer implements Serializer<boolean> {
  serialize(topic: string, data: boolean | null): Buffer | null {
    if (data === null) return null;
    if (typeof data !== 'boolean') {
      throw new SerializationError(
        `Serdes.Boolean() cannot serialize ${describeValue(data)} for topic "${topic}": expected a boolean` +
          (data === undefined ? ' (use null for a tombstone)' : ''),
      );
    }
    // A fresh buffer per call, not a shared constant: callers may keep or mutate the result.
    const buf = Buffer.allocUnsafe(1);
    buf[0] = data ? 1 : 0;
    return buf;
  }
}

/**
 * Reads one byte, 0x01 or 0x00, like Java's `BooleanDeserializer`. Throws
 * `SerializationError` for a size other than 1 or any other byte.
 *
 * @example new BooleanDeserializer().deserialize('t', Buffer.from([1])) // true
 */
export class BooleanDeserializer implements Deserializer<boolean> {
  deserialize(topic: string, data: Buffer | null): boolean | null {
    if (data === null) return null;
    if (data.length !== 1) throw wrongSize('Serdes.Boolean()', 1, data, topic);
    const byte = data[0];
    if (byte === 1) return true;
    if (byte === 0) return false;
    throw new SerializationError(
      `Serdes.Boolean(): expected byte 0x00 or 0x01 but got 0x${byte!.toString(16).padStart(2, '0')} from topic "${topic}"; ` +
        `the data was not written by a Boolean serde — check the key/value serde configured for the topic`,
    );
  }
}

const SERIALIZER = new BooleanSerializer();
const DESERIALIZER = new BooleanDeserializer();

/**
 * Booleans as one byte, byte-compatible with Java's `Serdes.Boolean()`. Stateless.
 *
 * @example Produced.with(Serdes.String(), Serdes.Boolean())
 */
export class BooleanSerde implements Serde<boolean> {
  serializer(): BooleanSerializer {
    return SERIALIZER;
  }

  deserializer(): BooleanDeserializer {
    return DESERIALIZER;
  }
}
