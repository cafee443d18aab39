import type { Serializer } from '../../serdes/serde.js';

/**
 * Keys inside the stores are kept as latin1 strings: each byte becomes one UTF-16 code unit
 * in 0..255, so the conversion is lossless, JS string comparison (`<`) equals unsigned
 * lexicographic byte order, and strings are cheap Map/Set keys. Buffers are only rebuilt
 * (`Buffer.from(s, 'latin1')`) where bytes leave the store.
 */

// One-entry memo: a record's key usually passes `keyString` several times (get, then put,
// in the same and the next layer, then again when the record cache flushes it, from another
// Buffer with the same bytes). A hit is decided byte by byte against the remembered string
// (a caller may refill a scratch buffer, and equal bytes from another Buffer count too),
// which is cheaper than the native conversion for the short keys it is used for.
let lastString = '';
const MEMO_MAX_LENGTH = 32;

/** The string form of a key. */
export function keyString(key: Buffer): string {
  if (sameBytes(key, lastString)) return lastString;
  const s = key.toString('latin1');
  if (key.length <= MEMO_MAX_LENGTH) lastString = s;
  return s;
}

/**
 * Offers `s` to `keyString`'s memo: a typed store about to pass the serialized form of a
 * string key down. If those bytes are `s` read as latin1 (an ASCII key under
 * `Serdes.String()`), the layers below get `s` itself instead of decoding the bytes; any
 * other bytes fail the memo's byte comparison, so the hint is always safe.
 */
export function offerKeyString(s: string): void {
  if (s.length <= MEMO_MAX_LENGTH) lastString = s;
}

function sameBytes(key: Buffer, s: string): boolean {
  if (key.length !== s.length) return false;
  for (let i = 0; i < key.length; i++) if (key[i] !== s.charCodeAt(i)) return false;
  return true;
}

/** The bytes of a string-form key. */
export function keyBytes(key: string): Buffer {
  return Buffer.from(key, 'latin1');
}

/**
 * The smallest key greater than every key starting with `prefix`, or null when there is
 * none (empty prefix or all 0xff bytes): the exclusive upper bound of a prefix scan.
 */
export function prefixUpperBound(prefix: string): string | null {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const c = prefix.charCodeAt(i);
    if (c < 0xff) return prefix.slice(0, i) + String.fromCharCode(c + 1);
  }
  return null;
}

/** Compares two string-form keys in byte order. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Passes already-serialized keys (prefixes) through to the layer below. */
export const BUFFER_SERIALIZER: Serializer<Buffer> = { serialize: (_topic, data) => data };
