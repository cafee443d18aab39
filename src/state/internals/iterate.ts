import type { KeyValue } from '../key-value.js';
import type { KeyValueIterator } from '../key-value-iterator.js';

/** A JS iterator over a `KeyValueIterator` that closes it when done or abandoned (`break`). */
export function iterate<K, V>(it: KeyValueIterator<K, V>): Iterator<KeyValue<K, V>> {
  return {
    next(): IteratorResult<KeyValue<K, V>> {
      if (it.hasNext()) return { value: it.next(), done: false };
      it.close();
      return { value: undefined, done: true };
    },
    return(): IteratorResult<KeyValue<K, V>> {
      it.close();
      return { value: undefined, done: true };
    },
  };
}
