// Kafka: Serdes.serdeFrom(Serializer, Deserializer), Serdes.WrapperSerde
import { StreamsError } from '../errors/streams-error.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

/**
 * Pairs a serializer and a deserializer into a `Serde`, like Java's
 * `Serdes.serdeFrom(serializer, deserializer)`. Throws `StreamsError` if either is missing.
 *
 * @example
 * const pointSerde = serdeFrom<Point>(
 *   { serialize: (_topic, p) => (p === null ? null : Buffer.from(`${p.x},${p.y}`)) },
 *   { deserialize: (_topic, b) => (b === null ? null : parsePoint(b.toString())) },
 * );
 */
export function serdeFrom<T>(serializer: Serializer<T>, deserializer: Deserializer<T>): Serde<T> {
  if (typeof serializer?.serialize !== 'function') {
    throw new StreamsError('serdeFrom(): the serializer must be an object with a serialize(topic, data, headers) method');
  }
  if (typeof deserializer?.deserialize !== 'function') {
    throw new StreamsError('serdeFrom(): the deserializer must be an object with a deserialize(topic, data, headers) method');
  }
  return Object.freeze({ serializer: () => serializer, deserializer: () => deserializer });
}
