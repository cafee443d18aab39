// Kafka: SubscriptionResponseWrapper + SubscriptionResponseWrapperSerde (version 0)
import type { Deserializer, Serde, Serializer } from '../../../../serdes/serde.js';

/**
 * The other side's answer to a subscription: the hash the subscription carried (so the
 * primary side can drop stale answers) and the foreign row's value (null when missing).
 * `primaryPartition` only routes the answer; it is not written.
 */
export interface SubscriptionResponseWrapper<VO> {
  readonly originalValueHash: Buffer | null;
  readonly foreignValue: VO | null;
  readonly primaryPartition: number | null;
}

/** Kafka's wire format: `{1 bit hash-is-null}{7 bits version}{16-byte hash?}{foreign value bytes}`. */
export function subscriptionResponseWrapperSerde<VO>(foreignValueSerde: Serde<VO>): Serde<SubscriptionResponseWrapper<VO>> {
  const valueSer = foreignValueSerde.serializer();
  const valueDe = foreignValueSerde.deserializer();
  const serializer: Serializer<SubscriptionResponseWrapper<VO>> = {
    serialize(topic, data) {
      if (data === null) return null;
      const value = data.foreignValue === null ? null : valueSer.serialize(topic, data.foreignValue);
      const hash = data.originalValueHash;
      const out = Buffer.allocUnsafe(1 + (hash === null ? 0 : 16) + (value === null ? 0 : value.length));
      out[0] = hash === null ? 0x80 : 0;
      if (hash !== null) hash.copy(out, 1);
      if (value !== null) value.copy(out, hash === null ? 1 : 17);
      return out;
    },
  };
  const deserializer: Deserializer<SubscriptionResponseWrapper<VO>> = {
    deserialize(topic, data) {
      if (data === null) return null;
      const hashNull = (data[0]! & 0x80) !== 0;
      const start = hashNull ? 1 : 17;
      return {
        originalValueHash: hashNull ? null : Buffer.from(data.subarray(1, 17)),
        foreignValue: data.length > start ? valueDe.deserialize(topic, Buffer.from(data.subarray(start))) : null,
        primaryPartition: null,
      };
    },
  };
  return { serializer: () => serializer, deserializer: () => deserializer };
}
