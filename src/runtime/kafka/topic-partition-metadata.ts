// Kafka: TopicPartitionMetadata + ProcessorMetadata — the offset-commit metadata string of
// a Streams task: base64 of [magic 2][int64 partition time][processor metadata], so Java
// and TypeScript instances of one application read each other's commits.

/** Partition time when none is known (Java's `RecordQueue.UNKNOWN`). */
export const UNKNOWN_PARTITION_TIME = -1;

const MAGIC_V1 = 1;
const MAGIC_V2 = 2;

/** Decoded commit metadata of one partition. */
export interface TopicPartitionMetadata {
  readonly partitionTime: number;
  /** Per-processor values (e.g. a windowed aggregation's last emitted time); usually empty. */
  readonly processorMetadata: ReadonlyMap<string, bigint>;
}

/** Encodes commit metadata exactly as Java's `TopicPartitionMetadata.encode()` (version 2). */
export function encodeTopicPartitionMetadata(partitionTime: number, processorMetadata: ReadonlyMap<string, bigint> = new Map()): string {
  const meta = serializeProcessorMetadata(processorMetadata);
  const buf = Buffer.alloc(9 + meta.length);
  buf.writeInt8(MAGIC_V2, 0);
  buf.writeBigInt64BE(BigInt(Math.trunc(partitionTime)), 1);
  meta.copy(buf, 9);
  return buf.toString('base64');
}

/**
 * Decodes commit metadata like Java's `TopicPartitionMetadata.decode()`: versions 1 and 2;
 * anything else (null, empty, unknown version, not base64) gives an unknown partition time.
 */
export function decodeTopicPartitionMetadata(encoded: string | null | undefined): TopicPartitionMetadata {
  const unknown = { partitionTime: UNKNOWN_PARTITION_TIME, processorMetadata: new Map<string, bigint>() };
  if (!encoded || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) return unknown;
  try {
    const buf = Buffer.from(encoded, 'base64');
    const version = buf.readInt8(0);
    if (version !== MAGIC_V1 && version !== MAGIC_V2) return unknown;
    const partitionTime = Number(buf.readBigInt64BE(1));
    const processorMetadata = version === MAGIC_V2 && buf.length > 9 ? deserializeProcessorMetadata(buf.subarray(9)) : new Map<string, bigint>();
    return { partitionTime, processorMetadata };
  } catch {
    return unknown;
  }
}

/** `ProcessorMetadata.serialize()`: nothing when empty, else int32 count then (int32 key length, key, int64 value)*. */
function serializeProcessorMetadata(metadata: ReadonlyMap<string, bigint>): Buffer {
  if (metadata.size === 0) return Buffer.alloc(0);
  const parts: Buffer[] = [int32(metadata.size)];
  for (const [key, value] of metadata) {
    const k = Buffer.from(key, 'utf8');
    const v = Buffer.alloc(8);
    v.writeBigInt64BE(value);
    parts.push(int32(k.length), k, v);
  }
  return Buffer.concat(parts);
}

function deserializeProcessorMetadata(buf: Buffer): Map<string, bigint> {
  const out = new Map<string, bigint>();
  const count = buf.readInt32BE(0);
  let pos = 4;
  for (let i = 0; i < count; i++) {
    const length = buf.readInt32BE(pos);
    const key = buf.toString('utf8', pos + 4, pos + 4 + length);
    pos += 4 + length;
    out.set(key, buf.readBigInt64BE(pos));
    pos += 8;
  }
  return out;
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}
