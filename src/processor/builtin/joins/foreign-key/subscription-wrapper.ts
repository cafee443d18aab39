// Kafka: SubscriptionWrapper + SubscriptionWrapperSerde (version 1)
import { StreamsError } from '../../../../errors/streams-error.js';
import type { Deserializer, Serde, Serializer } from '../../../../serdes/serde.js';

/** What the other side of a foreign-key join does with a subscription (Kafka's byte values). */
export const Instruction = {
  /** Remove the subscription; send nothing. */
  DELETE_KEY_NO_PROPAGATE: 0,
  /** Remove the subscription; send `(pk, null)`. */
  DELETE_KEY_AND_PROPAGATE: 1,
  /** Subscribe; send the joined row, or `(pk, null)` when the foreign row is missing. */
  PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE: 2,
  /** Subscribe; send only when the foreign row exists. */
  PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE: 3,
} as const;
export type Instruction = (typeof Instruction)[keyof typeof Instruction];

/**
 * A subscription of a primary-key row to a foreign key: the hash of the row's value when
 * it was sent (null for a deletion), the instruction, the primary key and the primary
 * partition (where the response must go).
 */
export interface SubscriptionWrapper<K> {
  readonly hash: Buffer | null;
  readonly instruction: Instruction;
  readonly primaryKey: K;
  readonly primaryPartition: number | null;
}

const VERSION = 1;

/**
 * Kafka's wire format: `{1 bit hash-is-null}{7 bits version}{instruction}{16-byte hash?}
 * {primary key bytes}{4-byte primary partition (version 1)}`, byte-compatible with Java.
 */
export function subscriptionWrapperSerde<K>(primaryKeySerde: Serde<K>, pseudoTopic: string): Serde<SubscriptionWrapper<K>> {
  const pkSer = primaryKeySerde.serializer();
  const pkDe = primaryKeySerde.deserializer();
  const serializer: Serializer<SubscriptionWrapper<K>> = {
    serialize(_topic, data) {
      if (data === null) return null;
      const pk = pkSer.serialize(pseudoTopic, data.primaryKey);
      if (pk === null) throw new StreamsError('A foreign-key join subscription needs a non-null primary key.');
      const hashLength = data.hash === null ? 0 : 16;
      const out = Buffer.allocUnsafe(2 + hashLength + pk.length + 4);
      out[0] = data.hash === null ? VERSION | 0x80 : VERSION;
      out[1] = data.instruction;
      if (data.hash !== null) data.hash.copy(out, 2);
      pk.copy(out, 2 + hashLength);
      out.writeInt32BE(data.primaryPartition ?? -1, 2 + hashLength + pk.length);
      return out;
    },
  };
  const deserializer: Deserializer<SubscriptionWrapper<K>> = {
    deserialize(_topic, data) {
      if (data === null) return null;
      const version = data[0]! & 0x7f;
      if (version > VERSION) throw new StreamsError(`SubscriptionWrapper version ${version} is not supported (at most ${VERSION}).`);
      const hashNull = (data[0]! & 0x80) !== 0;
      const instruction = data[1]! as Instruction;
      const hash = hashNull ? null : Buffer.from(data.subarray(2, 18));
      const pkStart = hashNull ? 2 : 18;
      const pkEnd = version > 0 ? data.length - 4 : data.length;
      const primaryKey = pkDe.deserialize(pseudoTopic, Buffer.from(data.subarray(pkStart, pkEnd))) as K;
      const primaryPartition = version > 0 ? data.readInt32BE(pkEnd) : null;
      return { hash, instruction, primaryKey, primaryPartition };
    },
  };
  return { serializer: () => serializer, deserializer: () => deserializer };
}
