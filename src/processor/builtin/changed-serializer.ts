// Kafka: ChangedSerializer
import { StreamsError } from '../../errors/streams-error.js';
import type { Headers } from '../headers.js';
import type { Serializer } from '../../serdes/serde.js';
import type { Change } from './change.js';

const OLD_ONLY = 0;
const NEW_ONLY = 1;
const BOTH = 2;

/** Writes `value` as Kafka's zig-zag varint (`ByteUtils.writeVarint`). */
function varint(value: number): Buffer {
  let v = ((value << 1) ^ (value >> 31)) >>> 0;
  const bytes: number[] = [];
  while ((v & ~0x7f) !== 0) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

/**
 * Writes a `Change` to a grouped-table repartition topic in Kafka's format: the value bytes
 * followed by a flag byte, 0 = old only, 1 = new only, 2 = `varint(newLength) new old`.
 * Byte-compatible with Java, so Java and TypeScript instances can share the topic.
 */
export class ChangedSerializer<T> implements Serializer<Change<T>> {
  constructor(private readonly inner: Serializer<T>) {}

  serialize(topic: string, data: Change<T> | null, headers?: Headers): Buffer | null {
    if (data === null) return null;
    const newData = data.newValue === null ? null : this.inner.serialize(topic, data.newValue, headers);
    const oldData = data.oldValue === null ? null : this.inner.serialize(topic, data.oldValue, headers);
    if (newData !== null && oldData !== null) {
      return Buffer.concat([varint(newData.length), newData, oldData, Buffer.of(BOTH)]);
    }
    if (newData !== null) return Buffer.concat([newData, Buffer.of(NEW_ONLY)]);
    if (oldData !== null) return Buffer.concat([oldData, Buffer.of(OLD_ONLY)]);
    throw new StreamsError(`Both old and new values are null in a change written to "${topic}"; this is a bug in the grouping processor.`);
  }
}
