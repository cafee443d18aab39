// Kafka: LongSerializer, LongDeserializer (same bytes, values as bigint)
import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import { wrongSize } from './internal/wrong-size.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

/**
 * Writes a `bigint` as Java's 8-byte big-endian signed long. Throws `SerializationError`
 * for a non-bigint or a value outside -2^63..2^63-1. Stateless; share one instance.
 *
 * @example new BigLongSerializer().serialize('t', 2n ** 60n) // <10 00 00 00 00 00 00 00>
 */
export class BigLongSerializer implements Serializer<bigint> {
  serialize(topic: string, data: bigint | null): Buffer | null {
    if (data === null) return null;
    if (typeof data !== 'bigint' || BigInt.asIntN(64, data) !== data) {
      const reason =
        typeof data === 'bigint'
          ? 'it is outside the signed 64-bit range (-2^63..2^63-1)'
          : typeof data === 'number'
            ? 'expected a bigint; use Serdes.Long() for number values or BigInt(value)'
            : `expected a bigint${data === undefined ? ' (use null for a tombstone)' : ''}`;
      throw new SerializationError(`Serdes.BigLong() cannot serialize ${describeValue(data)} for topic "${topic}": ${reason}`);
    }
    const buf = Buffer.allocUnsafe(8);
    buf.writeBigInt64BE(data, 0);
    return buf;
  }
}

/**
 * Reads Java's 8-byte big-endian signed long as a `bigint` (the full 64-bit range).
 *
 * @example new BigLongDeserializer().deserialize('t', Buffer.from('ffffffffffffffff', 'hex')) // -1n
 */
export class BigLongDeserializer implements Deserializer<bigint> {
  deserialize(topic: string, data: Buffer | null): bigint | null {
    if (data === null) return null;
    if (data.length !== 8) throw wrongSize('Serdes.BigLong()', 8, data, topic);
    return data.readBigInt64BE(0);
  }
}

const SERIALIZER = new BigLongSerializer();
const DESERIALIZER = new BigLongDeserializer();

/**
 * 64-bit longs as `bigint`: the same bytes as Java's `Serdes.Long()` without the
 * safe-integer limit of `LongSerde`. Stateless.
 *
 * @example Materialized.with(Serdes.String(), Serdes.BigLong())
 */
export class BigLongSerde implements Serde<bigint> {
  serializer(): BigLongSerializer {
    return SERIALIZER;
  }

  deserializer(): BigLongDeserializer {
    return DESERIALIZER;
  }
}
