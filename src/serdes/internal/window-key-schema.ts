// Kafka: WindowKeySchema (the byte layouts of time-windowed keys)
import { SerializationError } from '../../errors/serialization-error.js';
import { MAX_TIME, readLong, writeLong } from './long-bytes.js';

/** Bytes after the key in a windowed key on a topic: the window start. */
export const TIMESTAMP_SIZE = 8;
/** Bytes after the key in a window-store (and changelog) key: start + sequence number. */
export const STORE_SUFFIX_SIZE = 12;

/** `key + start(8)`: a time-windowed key as `TimeWindowedSerializer` writes it. */
export function windowedKeyBinary(key: Buffer, start: number): Buffer {
  const out = Buffer.allocUnsafe(key.length + TIMESTAMP_SIZE);
  key.copy(out, 0);
  writeLong(out, key.length, start);
  return out;
}

/**
 * `key + start(8) + seqnum(4)`: the key of a window store entry and of its changelog record
 * (the sequence number tells duplicates apart in stores that keep them, else 0).
 */
export function windowStoreKeyBinary(key: Buffer, start: number, seqnum: number): Buffer {
  const out = Buffer.allocUnsafe(key.length + STORE_SUFFIX_SIZE);
  key.copy(out, 0);
  writeLong(out, key.length, start);
  out.writeUInt32BE(seqnum >>> 0, key.length + TIMESTAMP_SIZE);
  return out;
}

/** The key bytes of a store key (a view). */
export function storeKeyBytes(storeKey: Buffer): Buffer {
  return storeKey.subarray(0, storeKey.length - STORE_SUFFIX_SIZE);
}

/** The window start of a store key. */
export function storeKeyStart(storeKey: Uint8Array): number {
  return readLong(storeKey, storeKey.length - STORE_SUFFIX_SIZE);
}

/** The end of a time window of `size` starting at `start` (capped like Java's overflow guard). */
export function timeWindowEnd(start: number, size: number): number {
  return size > MAX_TIME - start ? MAX_TIME : start + size;
}

/** Throws unless `data` is long enough to hold a key and `suffix` bytes. */
export function checkWindowedLength(data: Buffer, suffix: number, what: string, topic: string): void {
  if (data.length < suffix) {
    throw new SerializationError(`${what}: expected at least ${suffix} bytes but got ${data.length} from topic "${topic}"; the data is not a windowed key.`);
  }
}
