import type { Deserializer } from '../../serdes/serde.js';
import type { KeyValue } from '../key-value.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import { iterate } from '../internals/iterate.js';

/** Deserializes the entries of a bytes-store iterator (Java's `MeteredKeyValueIterator`). */
export class MeteredKeyValueIterator<K, V> implements KeyValueIterator<K, V> {
  constructor(
    private readonly inner: KeyValueIterator<Buffer, Buffer>,
    private readonly topic: string,
    private readonly keys: Deserializer<K>,
    private readonly values: Deserializer<V>,
  ) {}

  hasNext(): boolean {
    return this.inner.hasNext();
  }

  next(): KeyValue<K, V> {
    const { key, value } = this.inner.next();
    return { key: this.keys.deserialize(this.topic, key) as K, value: this.values.deserialize(this.topic, value) as V };
  }

  peekNextKey(): K {
    return this.keys.deserialize(this.topic, this.inner.peekNextKey()) as K;
  }

  close(): void {
    this.inner.close();
  }

  [Symbol.iterator](): Iterator<KeyValue<K, V>> {
    return iterate(this);
  }
}
