// Kafka: SessionKeySchema (the byte layout of session-windowed keys)
import { readLong, writeLong } from './long-bytes.js';

/** Bytes after the key: session end (8) then start (8). */
export const SESSION_SUFFIX_SIZE = 16;

/** `key + end(8) + start(8)`: a session key on a topic, in a session store and its changelog. */
export function sessionKeyBinary(key: Buffer, start: number, end: number): Buffer {
  const out = Buffer.allocUnsafe(key.length + SESSION_SUFFIX_SIZE);
  key.copy(out, 0);
  writeLong(out, key.length, end);
  writeLong(out, key.length + 8, start);
  return out;
}

/** The key bytes of a session key (a view). */
export function sessionKeyBytes(binary: Buffer): Buffer {
  return binary.subarray(0, binary.length - SESSION_SUFFIX_SIZE);
}

export function sessionKeyEnd(binary: Uint8Array): number {
  return readLong(binary, binary.length - SESSION_SUFFIX_SIZE);
}

export function sessionKeyStart(binary: Uint8Array): number {
  return readLong(binary, binary.length - 8);
}
