import { SerializationError } from '../../errors/serialization-error.js';

/**
 * The error for a fixed-size deserializer given the wrong number of bytes. Kept out of
 * line so the deserializers' hot path is one length comparison.
 */
export function wrongSize(serde: string, expected: number, data: Buffer, topic: string): SerializationError {
  return new SerializationError(
    `${serde}: expected ${expected} bytes but got ${data.length} from topic "${topic}"; ` +
      `the data was not written by this serde — check the key/value serde configured for the topic`,
  );
}
