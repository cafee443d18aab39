// Kafka: CombinedKeySchema (keys of the foreign-key join's subscription store)
import { StreamsError } from '../../../../errors/streams-error.js';
import type { Serde } from '../../../../serdes/serde.js';

/**
 * Subscription-store keys: `{4-byte foreign key length}{foreign key bytes}{primary key
 * bytes}`, so all subscribers of one foreign key are one prefix scan, in primary-key byte
 * order (Java's layout).
 */
export class CombinedKeySchema<KO, K> {
  constructor(
    private readonly foreignKeySerde: Serde<KO>,
    private readonly primaryKeySerde: Serde<K>,
    private readonly foreignKeyTopic: string,
    private readonly primaryKeyTopic: string,
  ) {}

  toBytes(foreignKey: KO, primaryKey: K): Buffer {
    const fk = this.prefixBytes(foreignKey);
    const pk = this.primaryKeySerde.serializer().serialize(this.primaryKeyTopic, primaryKey);
    if (pk === null) throw new StreamsError('A foreign-key join needs non-null primary keys.');
    return Buffer.concat([fk, pk]);
  }

  prefixBytes(foreignKey: KO): Buffer {
    const fk = this.foreignKeySerde.serializer().serialize(this.foreignKeyTopic, foreignKey);
    if (fk === null) throw new StreamsError('A foreign-key join needs non-null foreign keys.');
    const out = Buffer.allocUnsafe(4 + fk.length);
    out.writeInt32BE(fk.length, 0);
    fk.copy(out, 4);
    return out;
  }

  primaryKey(bytes: Buffer): K {
    const fkLength = bytes.readInt32BE(0);
    return this.primaryKeySerde.deserializer().deserialize(this.primaryKeyTopic, Buffer.from(bytes.subarray(4 + fkLength))) as K;
  }
}
