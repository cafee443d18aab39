// Kafka: WindowKeySchema / SessionKeySchema / TimeFirst*KeySchema, on string-form keys
import { STORE_SUFFIX_SIZE } from '../../serdes/internal/window-key-schema.js';
import { SESSION_SUFFIX_SIZE } from '../../serdes/internal/session-key-schema.js';
import { compareKeys } from './byte-keys.js';

const TWO_POW_32 = 4294967296;

/** Reads a big-endian signed long from a string-form key (see `byte-keys.ts`). */
export function readLongAt(key: string, offset: number): number {
  const high =
    ((key.charCodeAt(offset) << 24) | (key.charCodeAt(offset + 1) << 16) | (key.charCodeAt(offset + 2) << 8) | key.charCodeAt(offset + 3)) >> 0;
  const low =
    ((key.charCodeAt(offset + 4) << 24) | (key.charCodeAt(offset + 5) << 16) | (key.charCodeAt(offset + 6) << 8) | key.charCodeAt(offset + 7)) >>> 0;
  return high * TWO_POW_32 + low;
}

/**
 * How a windowed bytes store reads its composite keys (string form): the time that decides
 * retention and time order, the base key, and the time order itself.
 */
export interface StoreKeySchema {
  /** Bytes after the base key. */
  readonly suffixSize: number;
  /** Window start (windows) or session end (sessions). */
  time(key: string): number;
  /** The base key (string form) of a composite key. */
  baseKey(key: string): string;
  /** Order of `fetchByTime`: windows by start, key, seqnum; sessions by end, start, key (Kafka's time-first schemas). */
  compareTimeOrder(a: string, b: string): number;
}

export const WINDOW_KEY_SCHEMA: StoreKeySchema = Object.freeze({
  suffixSize: STORE_SUFFIX_SIZE,
  time: (key: string) => readLongAt(key, key.length - STORE_SUFFIX_SIZE),
  baseKey: (key: string) => key.slice(0, key.length - STORE_SUFFIX_SIZE),
  compareTimeOrder(a: string, b: string): number {
    const byTime = readLongAt(a, a.length - STORE_SUFFIX_SIZE) - readLongAt(b, b.length - STORE_SUFFIX_SIZE);
    if (byTime !== 0) return byTime;
    const byKey = compareKeys(a.slice(0, a.length - STORE_SUFFIX_SIZE), b.slice(0, b.length - STORE_SUFFIX_SIZE));
    return byKey !== 0 ? byKey : compareKeys(a.slice(a.length - 4), b.slice(b.length - 4));
  },
});

export const SESSION_KEY_SCHEMA: StoreKeySchema = Object.freeze({
  suffixSize: SESSION_SUFFIX_SIZE,
  time: (key: string) => readLongAt(key, key.length - SESSION_SUFFIX_SIZE),
  baseKey: (key: string) => key.slice(0, key.length - SESSION_SUFFIX_SIZE),
  compareTimeOrder(a: string, b: string): number {
    const byEnd = readLongAt(a, a.length - SESSION_SUFFIX_SIZE) - readLongAt(b, b.length - SESSION_SUFFIX_SIZE);
    if (byEnd !== 0) return byEnd;
    const byStart = readLongAt(a, a.length - 8) - readLongAt(b, b.length - 8);
    if (byStart !== 0) return byStart;
    return compareKeys(a.slice(0, a.length - SESSION_SUFFIX_SIZE), b.slice(0, b.length - SESSION_SUFFIX_SIZE));
  },
});
