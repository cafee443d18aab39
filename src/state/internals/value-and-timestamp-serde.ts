// Kafka: ValueAndTimestampSerde (ValueAndTimestampSerializer / ValueAndTimestampDeserializer)
import type { Headers } from '../../processor/headers.js';
import type { Deserializer, Serde, Serializer } from '../../serdes/serde.js';
import { ValueAndTimestamp } from '../value-and-timestamp.js';
import { rawValueOf, timestampOf, withTimestamp } from './timestamped-bytes.js';

/** Wraps a value serde into the timestamped store layout: `timestamp(8, BE) + value bytes`. */
export function valueAndTimestampSerde<V>(inner: Serde<V>): Serde<ValueAndTimestamp<V>> {
  const valueSerializer = inner.serializer();
  const valueDeserializer = inner.deserializer();
  const serializer: Serializer<ValueAndTimestamp<V>> = {
    serialize(topic: string, data: ValueAndTimestamp<V> | null, headers?: Headers): Buffer | null {
      if (data === null) return null;
      const raw = valueSerializer.serialize(topic, data.value, headers);
      return raw === null ? null : withTimestamp(raw, data.timestamp);
    },
  };
  const deserializer: Deserializer<ValueAndTimestamp<V>> = {
    deserialize(topic: string, data: Buffer | null, headers?: Headers): ValueAndTimestamp<V> | null {
      if (data === null) return null;
      return ValueAndTimestamp.make(valueDeserializer.deserialize(topic, rawValueOf(data), headers), timestampOf(data));
    },
  };
  return { serializer: () => serializer, deserializer: () => deserializer };
}
