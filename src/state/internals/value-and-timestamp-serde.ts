// Kafka: ValueAndTimestampSerde (ValueAndTimestampSerializer / ValueAndTimestampDeserializer)
import type { Headers } from '../../processor/headers.js';
import type { Deserializer, Serde, Serializer } from '../../serdes/serde.js';
import { LongDeserializer, LongSerializer } from '../../serdes/long-serde.js';
import { ValueAndTimestamp } from '../value-and-timestamp.js';
import { isExactly } from '../../serdes/internal/defines-own.js';
import { registerTypedMemo, type TypedMemo } from './typed-memo.js';
import { rawValueOf, timestampOf, withTimestamp, writeTimestamp } from './timestamped-bytes.js';

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
  if (isExactly(valueSerializer, LongSerializer) && isExactly(valueDeserializer, LongDeserializer)) {
    return longValueAndTimestampSerde(valueSerializer, valueDeserializer, serializer, deserializer) as Serde<ValueAndTimestamp<V>>;
  }
  return { serializer: () => serializer, deserializer: () => deserializer };
}

const VALUE_AND_TIMESTAMP_MEMO: TypedMemo<ValueAndTimestamp<number>> = {
  valueOf: (vt) => vt.value,
  timeOf: (vt) => vt.timestamp,
  restore: (value, timestamp) => ({ value: value as number, timestamp }),
};

/**
 * Counts (and most aggregates) are Longs: write the long next to the timestamp and read it
 * in place, rather than through an 8-byte Buffer, a copy and a view (each Buffer is a costly
 * allocation on the per-record path). Same bytes and errors as the general path, which
 * handles null and wrongly sized values.
 */
function longValueAndTimestampSerde(
  long: LongSerializer,
  longDeserializer: LongDeserializer,
  general: Serializer<ValueAndTimestamp<unknown>>,
  generalDeserializer: Deserializer<ValueAndTimestamp<unknown>>,
): Serde<ValueAndTimestamp<number>> {
  const serializer: Serializer<ValueAndTimestamp<number>> = {
    serialize(topic, data, headers) {
      if (data === null || data.value === null) return general.serialize(topic, data, headers);
      const out = Buffer.allocUnsafe(16);
      long.serializeInto(topic, data.value, out, 8);
      writeTimestamp(out, data.timestamp);
      return out;
    },
  };
  const deserializer: Deserializer<ValueAndTimestamp<number>> = {
    deserialize(topic, data, headers) {
      if (data === null || data.length !== 16) return generalDeserializer.deserialize(topic, data, headers) as ValueAndTimestamp<number> | null;
      return { value: longDeserializer.deserializeAt(topic, data, 8), timestamp: timestampOf(data) };
    },
  };
  // A stored count reads back as the same number and timestamp: keep those beside the bytes.
  registerTypedMemo(serializer, deserializer, VALUE_AND_TIMESTAMP_MEMO);
  return { serializer: () => serializer, deserializer: () => deserializer };
}
