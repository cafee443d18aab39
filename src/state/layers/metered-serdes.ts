import { ProcessorStateError } from '../../errors/processor-state-error.js';
import { SerializationError } from '../../errors/serialization-error.js';
import type { Deserializer, Serde, Serializer } from '../../serdes/serde.js';
import type { StateStoreContext } from '../state-store-context.js';
import { defaultSerde } from '../internals/default-serde.js';

/**
 * The serdes of a typed store, resolved at `init` (null serdes fall back to the configured
 * defaults), with the changelog topic as the serdes' `topic` (as Java does). Remembers the
 * last primitive key's bytes: a get-then-put of the same key serializes it once.
 */
export class StoreSerdes<K, V> {
  topic = '';
  private keySer: Serializer<K> | null = null;
  keyDe: Deserializer<K> | null = null;
  private valueSer: Serializer<V> | null = null;
  private valueDe: Deserializer<V> | null = null;
  private lastKey: unknown = undefined;
  private lastKeyBytes: Buffer | null = null;

  constructor(private readonly storeName: string) {}

  init(context: StateStoreContext, keySerde: Serde<K> | null, valueSerde: Serde<V>): void {
    this.topic = context.changelogTopic(this.storeName);
    const keys = keySerde ?? (defaultSerde(context, 'key', this.storeName) as Serde<K>);
    this.keySer = keys.serializer();
    this.keyDe = keys.deserializer();
    this.valueSer = valueSerde.serializer();
    this.valueDe = valueSerde.deserializer();
  }

  keyBytes(key: K): Buffer {
    if (key === this.lastKey && this.lastKeyBytes !== null) return this.lastKeyBytes;
    const serializer = this.keySer;
    if (serializer === null) throw new ProcessorStateError(`Store ${this.storeName} is not initialized.`);
    if (key === null || key === undefined) throw new SerializationError(`Store ${this.storeName}: a key may not be null.`);
    const bytes = serializer.serialize(this.topic, key);
    if (bytes === null) throw new SerializationError(`Store ${this.storeName}: a key may not serialize to null.`);
    if (typeof key !== 'object' && typeof key !== 'function') {
      this.lastKey = key;
      this.lastKeyBytes = bytes;
    }
    return bytes;
  }

  key(bytes: Buffer): K {
    return this.keyDe!.deserialize(this.topic, bytes) as K;
  }

  valueBytes(value: V | null): Buffer | null {
    return value === null ? null : this.valueSer!.serialize(this.topic, value);
  }

  value(bytes: Buffer | null): V | null {
    return bytes === null ? null : this.valueDe!.deserialize(this.topic, bytes);
  }
}
