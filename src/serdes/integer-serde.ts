// Kafka: IntegerSerializer, IntegerDeserializer, Serdes.IntegerSerde
import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import { intReason } from './internal/int-reason.js';
import { wrongSize } from './internal/wrong-size.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

/**
 * Writes an integer as Java's 4-byte big-endian signed int. Throws `SerializationError`
 * for a non-integer or a value outside -2^31..2^31-1. Stateless; share one instance.
 *
 * @example new IntegerSerializer().serialize('t', -2) // <ff ff ff fe>
 */
export class IntegerSerializer implements Serializer<number> {
  serialize(topic: string, data: number | null): Buffer | null {
    if (data === null) return null;
    // `| 0` truncates to int32, so equality holds exactly for int32 numbers (and -0).
    if ((data | 0) !== data) {
      throw new SerializationError(
        `Serdes.Integer() cannot serialize ${describeValue(data)} for topic "${topic}": ${intReason(data, 32, 'Serdes.Long()')}`,
      );
    }
    const buf = Buffer.allocUnsafe(4);
    buf.writeInt32BE(data, 0);
    return buf;
  }
}

/**
 * Reads Java's 4-byte big-endian signed int. Throws `SerializationError` for a size other than 4.
 *
 * @example new IntegerDeserializer().deserialize('t', Buffer.from('fffffffe', 'hex')) // -2
 */
export class IntegerDeserializer implements Deserializer<number> {
  deserialize(topic: string, data: Buffer | null): number | null {
    if (data === null) return null;
    if (data.length !== 4) throw wrongSize('Serdes.Integer()', 4, data, topic);
    return data.readInt32BE(0);
  }
}

const SERIALIZER = new IntegerSerializer();
const DESERIALIZER = new IntegerDeserializer();

/**
 * 32-bit signed ints as `number`, byte-compatible with Java's `Serdes.Integer()`. Stateless.
 *
 * @example Produced.with(Serdes.String(), Serdes.Integer())
 */
export class IntegerSerde implements Serde<number> {
  serializer(): IntegerSerializer {
    return SERIALIZER;
  }

  deserializer(): IntegerDeserializer {
    return DESERIALIZER;
  }
}
