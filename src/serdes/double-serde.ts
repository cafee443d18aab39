// Kafka: DoubleSerializer, DoubleDeserializer, Serdes.DoubleSerde
import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import { wrongSize } from './internal/wrong-size.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

/**
 * Writes a number as Java's 8-byte big-endian IEEE 754 double (NaN as 7ff8000000000000,
 * like Java's `doubleToLongBits`). Stateless; share one instance.
 *
 * @example new DoubleSerializer().serialize('t', 1.5) // <3f f8 00 00 00 00 00 00>
 */
export class DoubleSerializer implements Serializer<number> {
  serialize(topic: string, data: number | null): Buffer | null {
    if (data === null) return null;
    if (typeof data !== 'number') {
      throw new SerializationError(
        `Serdes.Double() cannot serialize ${describeValue(data)} for topic "${topic}": expected a number` +
          (data === undefined ? ' (use null for a tombstone)' : ''),
      );
    }
    const buf = Buffer.allocUnsafe(8);
    buf.writeDoubleBE(data, 0);
    return buf;
  }
}

/**
 * Reads Java's 8-byte big-endian IEEE 754 double. Throws `SerializationError` for a size other than 8.
 *
 * @example new DoubleDeserializer().deserialize('t', Buffer.from('3ff8000000000000', 'hex')) // 1.5
 */
export class DoubleDeserializer implements Deserializer<number> {
  deserialize(topic: string, data: Buffer | null): number | null {
    if (data === null) return null;
    if (data.length !== 8) throw wrongSize('Serdes.Double()', 8, data, topic);
    return data.readDoubleBE(0);
  }
}

const SERIALIZER = new DoubleSerializer();
const DESERIALIZER = new DoubleDeserializer();

/**
 * 64-bit doubles as `number`, byte-compatible with Java's `Serdes.Double()`. Stateless.
 *
 * @example Materialized.with(Serdes.String(), Serdes.Double())
 */
export class DoubleSerde implements Serde<number> {
  serializer(): DoubleSerializer {
    return SERIALIZER;
  }

  deserializer(): DoubleDeserializer {
    return DESERIALIZER;
  }
}
