// Kafka: LongSerializer, LongDeserializer, Serdes.LongSerde
import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import { readLong, writeLong } from './internal/long-bytes.js';
import { wrongSize } from './internal/wrong-size.js';
import type { RangeDeserializer } from './internal/range-deserializer.js';
import { scratchBuffer, type ScratchSerializer, type ScratchSlot } from './internal/scratch-serializer.js';
import type { Serde } from './serde.js';

/**
 * Writes a safe integer as Java's 8-byte big-endian signed long. Throws
 * `SerializationError` for a non-integer or a value outside `Number.MIN/MAX_SAFE_INTEGER`
 * (use `BigLongSerializer` for the full 64-bit range). Stateless; share one instance.
 *
 * @example new LongSerializer().serialize('t', -1) // <ff ff ff ff ff ff ff ff>
 */
export class LongSerializer implements ScratchSerializer<number> {
  serialize(topic: string, data: number | null): Buffer | null {
    if (data === null) return null;
    const buf = Buffer.allocUnsafe(8);
    this.serializeInto(topic, data, buf, 0);
    return buf;
  }

  /** @internal `serialize` into a reusable buffer (see `ScratchSerializer`). */
  serializeScratch(topic: string, data: number | null, slot: ScratchSlot): Buffer | null {
    if (data === null) return null;
    const out = scratchBuffer(slot, 8)!;
    this.serializeInto(topic, data, out, 0);
    return out;
  }

  /** @internal Writes the 8 bytes of `data` at `offset` of `target` (timestamped stores embed them). */
  serializeInto(topic: string, data: number, target: Buffer, offset: number): void {
    if (!Number.isSafeInteger(data)) throw invalidLong(topic, data);
    writeLong(target, offset, data);
  }
}

/**
 * Reads Java's 8-byte big-endian signed long as a `number`. Throws `SerializationError`
 * for a size other than 8 or a long outside the safe-integer range (read those topics
 * with `BigLongDeserializer`).
 *
 * @example new LongDeserializer().deserialize('t', Buffer.from('0000000000000001', 'hex')) // 1
 */
export class LongDeserializer implements RangeDeserializer<number> {
  deserialize(topic: string, data: Buffer | null): number | null {
    if (data === null) return null;
    if (data.length !== 8) throw wrongSize('Serdes.Long()', 8, data, topic);
    return this.deserializeAt(topic, data, 0);
  }

  /** @internal `deserialize` of `data[start, end)`, without making the view. */
  deserializeRange(topic: string, data: Buffer, start: number, end: number): number {
    if (end - start !== 8) throw wrongSize('Serdes.Long()', 8, data.subarray(start, end), topic);
    return this.deserializeAt(topic, data, start);
  }

  /** @internal Reads the long at `offset` of `data` (timestamped stores embed it after the timestamp). */
  deserializeAt(topic: string, data: Buffer, offset: number): number {
    // Exact whenever the long is safe; an unsafe long rounds to a value that is still unsafe.
    const value = readLong(data, offset);
    if (!Number.isSafeInteger(value)) {
      throw new SerializationError(
        `Serdes.Long(): ${data.readBigInt64BE(offset)} read from topic "${topic}" is outside the safe-integer range ` +
          `(±${Number.MAX_SAFE_INTEGER}); use Serdes.BigLong() to read it as a bigint`,
      );
    }
    return value;
  }
}

function invalidLong(topic: string, data: unknown): SerializationError {
  let reason: string;
  if (typeof data === 'number' && Number.isInteger(data)) {
    reason = `it is outside the safe-integer range (±${Number.MAX_SAFE_INTEGER}); use Serdes.BigLong() for bigint values`;
  } else if (typeof data === 'number') {
    reason = 'it is not an integer; round it first or use Serdes.Double()';
  } else if (typeof data === 'bigint') {
    reason = 'expected a number; use Serdes.BigLong() for bigint values';
  } else {
    reason = data === undefined ? 'expected a number (use null for a tombstone)' : 'expected a number';
  }
  return new SerializationError(`Serdes.Long() cannot serialize ${describeValue(data)} for topic "${topic}": ${reason}`);
}

const SERIALIZER = new LongSerializer();
const DESERIALIZER = new LongDeserializer();

/**
 * 64-bit longs as `number`, byte-compatible with Java's `Serdes.Long()`; limited to safe
 * integers (see `BigLongSerde` for the full range). Stateless.
 *
 * @example stream.groupByKey().count() // values are Serdes.Long()
 */
export class LongSerde implements Serde<number> {
  serializer(): LongSerializer {
    return SERIALIZER;
  }

  deserializer(): LongDeserializer {
    return DESERIALIZER;
  }
}
