// Kafka: ShortSerializer, ShortDeserializer, Serdes.ShortSerde
import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import { intReason } from './internal/int-reason.js';
import { wrongSize } from './internal/wrong-size.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

/**
 * Writes an integer as Java's 2-byte big-endian signed short. Throws `SerializationError`
 * for a non-integer or a value outside -32768..32767. Stateless; share one instance.
 *
 * @example new ShortSerializer().serialize('t', -2) // <ff fe>
 */
export class ShortSerializer implements Serializer<number> {
  serialize(topic: string, data: number | null): Buffer | null {
    if (data === null) return null;
    // Shifting through the top 16 bits sign-extends to int16; equal only for int16 numbers.
    if ((data << 16) >> 16 !== data) {
      throw new SerializationError(
        `Serdes.Short() cannot serialize ${describeValue(data)} for topic "${topic}": ${intReason(data, 16, 'Serdes.Integer()')}`,
      );
    }
    const buf = Buffer.allocUnsafe(2);
    buf.writeInt16BE(data, 0);
    return buf;
  }
}

/**
 * Reads Java's 2-byte big-endian signed short. Throws `SerializationError` for a size other than 2.
 *
 * @example new ShortDeserializer().deserialize('t', Buffer.from('fffe', 'hex')) // -2
 */
export class ShortDeserializer implements Deserializer<number> {
  deserialize(topic: string, data: Buffer | null): number | null {
    if (data === null) return null;
    if (data.length !== 2) throw wrongSize('Serdes.Short()', 2, data, topic);
    return data.readInt16BE(0);
  }
}

const SERIALIZER = new ShortSerializer();
const DESERIALIZER = new ShortDeserializer();

/**
 * 16-bit signed shorts as `number`, byte-compatible with Java's `Serdes.Short()`. Stateless.
 *
 * @example Consumed.with(Serdes.Short(), Serdes.String())
 */
export class ShortSerde implements Serde<number> {
  serializer(): ShortSerializer {
    return SERIALIZER;
  }

  deserializer(): ShortDeserializer {
    return DESERIALIZER;
  }
}
