import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

/**
 * Writes a value as UTF-8 JSON (`JSON.stringify`). Throws `SerializationError` for values
 * JSON cannot represent (undefined, functions, symbols, bigints, cycles). Not a Kafka
 * built-in; the bytes match any UTF-8 JSON serde, e.g. Jackson's. Stateless; share one instance.
 *
 * @example new JsonSerializer<{ n: number }>().serialize('t', { n: 1 }) // '{"n":1}' as bytes
 */
export class JsonSerializer<T> implements Serializer<T> {
  serialize(topic: string, data: T | null): Buffer | null {
    if (data === null) return null;
    let text: string | undefined;
    try {
      text = JSON.stringify(data);
    } catch (error) {
      throw new SerializationError(
        `Serdes.Json() cannot serialize ${describeValue(data)} for topic "${topic}": ${(error as Error).message}; ` +
          'convert bigints to strings or numbers and remove cycles first',
        { cause: error },
      );
    }
    if (text === undefined) {
      throw new SerializationError(
        `Serdes.Json() cannot serialize ${describeValue(data)} for topic "${topic}": JSON has no representation for it` +
          (data === undefined ? ' (use null for a tombstone)' : ''),
      );
    }
    return Buffer.from(text, 'utf8');
  }
}

/**
 * Parses UTF-8 JSON (`JSON.parse`); the result is trusted to be a `T`, not validated.
 * Throws `SerializationError` (with the parser error as `cause`) for malformed JSON.
 *
 * @example new JsonDeserializer<{ n: number }>().deserialize('t', Buffer.from('{"n":1}')) // { n: 1 }
 */
export class JsonDeserializer<T> implements Deserializer<T> {
  deserialize(topic: string, data: Buffer | null): T | null {
    if (data === null) return null;
    try {
      return JSON.parse(data.toString('utf8')) as T;
    } catch (error) {
      throw new SerializationError(
        `Serdes.Json(): the ${data.length} bytes from topic "${topic}" are not valid JSON (${(error as Error).message}); ` +
          'check the key/value serde configured for the topic',
        { cause: error },
      );
    }
  }
}

// Neither class keeps state or depends on T at run time, so one instance serves every T.
const SERIALIZER = new JsonSerializer<unknown>();
const DESERIALIZER = new JsonDeserializer<unknown>();

/**
 * Values of type `T` as UTF-8 JSON. Stateless; the type parameter is not checked at run
 * time, so validate untrusted input after deserializing.
 *
 * @example Consumed.with(Serdes.String(), Serdes.Json<Order>())
 */
export class JsonSerde<T> implements Serde<T> {
  serializer(): JsonSerializer<T> {
    return SERIALIZER as JsonSerializer<T>;
  }

  deserializer(): JsonDeserializer<T> {
    return DESERIALIZER as JsonDeserializer<T>;
  }
}
