// Kafka: UUIDSerializer, UUIDDeserializer, Serdes.UUIDSerde
import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Java's UUID.fromString also takes upper case and short groups ("1-2-3-4-5").
const LENIENT = /^([0-9a-f]{1,8})-([0-9a-f]{1,4})-([0-9a-f]{1,4})-([0-9a-f]{1,4})-([0-9a-f]{1,12})$/i;

/** The canonical lower-case form Java's `UUID.toString()` gives, or undefined if `text` is no UUID. */
function canonicalUuid(text: string): string | undefined {
  if (CANONICAL.test(text)) return text;
  const m = LENIENT.exec(text);
  if (m === null) return undefined;
  const [, a, b, c, d, e] = m as unknown as [string, string, string, string, string, string];
  return `${a.padStart(8, '0')}-${b.padStart(4, '0')}-${c.padStart(4, '0')}-${d.padStart(4, '0')}-${e.padStart(12, '0')}`.toLowerCase();
}

/**
 * Writes a UUID string as its 36-character canonical form in UTF-8, like Java's
 * `UUIDSerializer` (which writes `uuid.toString()`); input is lower-cased and short
 * groups are zero-padded. Throws `SerializationError` for a string that is no UUID.
 * Stateless; share one instance.
 *
 * @example new UUIDSerializer().serialize('t', '123E4567-E89B-12D3-A456-426614174000') // '123e4567-…' as bytes
 */
export class UUIDSerializer implements Serializer<string> {
  serialize(topic: string, data: string | null): Buffer | null {
    if (data === null) return null;
    const uuid = typeof data === 'string' ? canonicalUuid(data) : undefined;
    if (uuid === undefined) {
      throw new SerializationError(
        `Serdes.UUID() cannot serialize ${describeValue(data)} for topic "${topic}": ` +
          (data === undefined ? 'use null for a tombstone' : 'expected a UUID string like "123e4567-e89b-12d3-a456-426614174000"'),
      );
    }
    return Buffer.from(uuid, 'latin1');
  }
}

/**
 * Reads a UUID written as text, like Java's `UUIDDeserializer`, and returns its canonical
 * lower-case form. Throws `SerializationError` if the bytes are no UUID.
 *
 * @example new UUIDDeserializer().deserialize('t', Buffer.from('1-2-3-4-5')) // '00000001-0002-0003-0004-000000000005'
 */
export class UUIDDeserializer implements Deserializer<string> {
  deserialize(topic: string, data: Buffer | null): string | null {
    if (data === null) return null;
    // latin1 is the cheapest decoding; any non-ASCII byte fails the pattern either way.
    const uuid = data.length <= 36 ? canonicalUuid(data.toString('latin1')) : undefined;
    if (uuid === undefined) {
      throw new SerializationError(
        `Serdes.UUID(): the ${data.length} bytes from topic "${topic}" are not a UUID string ` +
          `(got ${describeValue(data.toString('utf8'))}); check the key/value serde configured for the topic`,
      );
    }
    return uuid;
  }
}

const SERIALIZER = new UUIDSerializer();
const DESERIALIZER = new UUIDDeserializer();

/**
 * UUIDs as canonical lower-case strings, byte-compatible with Java's `Serdes.UUID()`
 * (36 bytes of UTF-8 text, not 16 raw bytes). Stateless.
 *
 * @example Consumed.with(Serdes.UUID(), Serdes.Json<Order>())
 */
export class UUIDSerde implements Serde<string> {
  serializer(): UUIDSerializer {
    return SERIALIZER;
  }

  deserializer(): UUIDDeserializer {
    return DESERIALIZER;
  }
}
