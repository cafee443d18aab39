// Kafka: FloatSerializer, FloatDeserializer, Serdes.FloatSerde
import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import { wrongSize } from './internal/wrong-size.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

/**
 * Writes a number as Java's 4-byte big-endian IEEE 754 float, rounding to single
 * precision (so 0.1 reads back as 0.10000000149011612). Stateless; share one instance.
 *
 * @example new FloatSerializer().serialize('t', 1.5) // <3f c0 00 00>
 */
export class FloatSerializer implements Serializer<number> {
  serialize(topic: string, data: number | null): Buffer | null {
    if (data === null) return null;
    if (typeof data !== 'number') {
      throw new SerializationError(
        `Serdes.Float() cannot serialize ${describeValue(data)} for topic "${topic}": expected a number` +
          (data === undefined ? ' (use null for a tombstone)' : ''),
      );
    }
    const buf = Buffer.allocUnsafe(4);
    buf.writeFloatBE(data, 0);
    return buf;
  }
}

/**
 * Reads Java's 4-byte big-endian IEEE 754 float. Throws `SerializationError` for a size other than 4.
 *
 * @example new FloatDeserializer().deserialize('t', Buffer.from('3fc00000', 'hex')) // 1.5
 */
export class FloatDeserializer implements Deserializer<number> {
  deserialize(topic: string, data: Buffer | null): number | null {
    if (data === null) return null;
    if (data.length !== 4) throw wrongSize('Serdes.Float()', 4, data, topic);
    return data.readFloatBE(0);
  }
}

const SERIALIZER = new FloatSerializer();
const DESERIALIZER = new FloatDeserializer();

/**
 * 32-bit floats as `number`, byte-compatible with Java's `Serdes.Float()`. Stateless.
 *
 * @example Produced.with(Serdes.String(), Serdes.Float())
 */
export class FloatSerde implements Serde<number> {
  serializer(): FloatSerializer {
    return SERIALIZER;
  }

  deserializer(): FloatDeserializer {
    return DESERIALIZER;
  }
}
