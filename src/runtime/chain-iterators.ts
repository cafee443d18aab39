// Kafka: CompositeKeyValueIterator (the composite stores' iteration over several tasks)
import { InvalidStateStoreError } from '../errors/invalid-state-store-error.js';
import type { KeyValue } from '../state/key-value.js';
import type { KeyValueIterator } from '../state/key-value-iterator.js';

/** Chains the iterators of several stores, one store after another (as Java's composite does). */
export function chainIterators<K, V>(iterators: KeyValueIterator<K, V>[]): KeyValueIterator<K, V> {
  let i = 0;
  const current = (): KeyValueIterator<K, V> | null => {
    while (i < iterators.length && !iterators[i]!.hasNext()) iterators[i++]!.close();
    return iterators[i] ?? null;
  };
  const it: KeyValueIterator<K, V> = {
    hasNext: () => current() !== null,
    next: () => {
      const c = current();
      if (!c) throw new InvalidStateStoreError('Iterator exhausted.');
      return c.next();
    },
    peekNextKey: () => {
      const c = current();
      if (!c) throw new InvalidStateStoreError('Iterator exhausted.');
      return c.peekNextKey();
    },
    close: () => {
      for (; i < iterators.length; i++) iterators[i]!.close();
    },
    *[Symbol.iterator](): Iterator<KeyValue<K, V>> {
      try {
        while (it.hasNext()) yield it.next();
      } finally {
        it.close();
      }
    },
  };
  return it;
}
