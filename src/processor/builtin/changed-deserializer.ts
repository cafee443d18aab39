// Kafka: ChangedDeserializer
import { SerializationError } from '../../errors/serialization-error.js';
import type { Headers } from '../headers.js';
import type { Deserializer } from '../../serdes/serde.js';
import { Change } from './change.js';

/** Reads Kafka's zig-zag varint at `offset`; returns the value and the bytes read. */
function readVarint(data: Buffer, offset: number): [number, number] {
  let raw = 0;
  let shift = 0;
  let i = offset;
  for (;;) {
    if (i >= data.length || shift > 28) throw new SerializationError('Malformed varint in a grouped-table repartition record.');
    const b = data[i++]!;
    raw |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) break;
    shift += 7;
  }
  return [(raw >>> 1) ^ -(raw & 1), i - offset];
}

/**
 * Reads a `Change` written by `ChangedSerializer` (flags 0-2), and the versioned-table
 * variants with an `isLatest` byte (flags 3-5) that newer Java versions may write.
 */
export class ChangedDeserializer<T> implements Deserializer<Change<T>> {
  constructor(private readonly inner: Deserializer<T>) {}

  deserialize(topic: string, data: Buffer | null, headers?: Headers): Change<T> | null {
    if (data === null) return null;
    const flag = data[data.length - 1];
    if (flag === undefined || flag > 5) {
      throw new SerializationError(`Unknown change encoding flag ${String(flag)} in a record from "${topic}"; is it a grouped-table repartition topic?`);
    }
    const latestFlag = flag >= 3;
    const end = data.length - 1 - (latestFlag ? 1 : 0);
    let isLatest = true;
    if (latestFlag) {
      const b = data[end];
      if (b !== 0 && b !== 1) throw new SerializationError(`Unexpected isLatest byte ${String(b)} in a record from "${topic}".`);
      isLatest = b === 1;
    }
    let newData: Buffer | null = null;
    let oldData: Buffer | null = null;
    switch (flag) {
      case 0:
      case 3:
        oldData = data.subarray(0, end);
        break;
      case 1:
      case 4:
        newData = data.subarray(0, end);
        break;
      default: {
        const [newLength, read] = readVarint(data, 0);
        newData = data.subarray(read, read + newLength);
        oldData = data.subarray(read + newLength, end);
        break;
      }
    }
    return new Change(
      newData === null ? null : this.inner.deserialize(topic, newData, headers),
      oldData === null ? null : this.inner.deserialize(topic, oldData, headers),
      isLatest,
    );
  }
}
