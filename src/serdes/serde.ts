import type { Headers } from '../processor/headers.js';

/** Turns a value into bytes. Null maps to null (a tombstone). */
export interface Serializer<T> {
  serialize(topic: string, data: T | null, headers?: Headers): Buffer | null;
}

/** Turns bytes into a value. Null maps to null. Throws on malformed input. */
export interface Deserializer<T> {
  deserialize(topic: string, data: Buffer | null, headers?: Headers): T | null;
}

/** A serializer and deserializer pair, byte-compatible with Java's serde of the same name. */
export interface Serde<T> {
  serializer(): Serializer<T>;
  deserializer(): Deserializer<T>;
}
