// Kafka: CompositeReadOnlyKeyValueStore (interactive queries over this process's tasks)
import type { StateStore } from '../state/state-store.js';
import type { KeyValueStore, ReadOnlyKeyValueStore } from '../state/key-value-store.js';
import type { KeyValueIterator } from '../state/key-value-iterator.js';
import type { KeyValue } from '../state/key-value.js';
import type { Serializer } from '../serdes/serde.js';
import { InvalidStateStoreError } from '../errors/invalid-state-store-error.js';

/** Chains the iterators of several stores, one store after another (as Java's composite does). */
function chain<K, V>(iterators: KeyValueIterator<K, V>[]): KeyValueIterator<K, V> {
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

/**
 * A read-only view of one store across the tasks running in this process. The task list is
 * read on every call, so the view follows rebalances; with no task holding the store (yet),
 * reads throw `InvalidStateStoreError` (retry after the rebalance, as in Kafka).
 */
export function compositeStore<K, V>(name: string, stores: () => StateStore[]): ReadOnlyKeyValueStore<K, V> {
  const all = (): KeyValueStore<K, V>[] => {
    const list = stores() as KeyValueStore<K, V>[];
    if (list.length === 0) {
      throw new InvalidStateStoreError(`Store "${name}" is not available in this process right now (no running task holds it; it may be rebalancing or restoring).`);
    }
    return list;
  };
  return {
    get: (key) => {
      for (const s of all()) {
        const v = s.get(key);
        if (v !== null) return v;
      }
      return null;
    },
    range: (from, to) => chain(all().map((s) => s.range(from, to))),
    reverseRange: (from, to) => chain(all().map((s) => s.reverseRange(from, to))),
    all: () => chain(all().map((s) => s.all())),
    reverseAll: () => chain(all().map((s) => s.reverseAll())),
    prefixScan: <P>(prefix: P, serializer: Serializer<P>) => chain(all().map((s) => s.prefixScan(prefix, serializer))),
    approximateNumEntries: () => all().reduce((n, s) => n + s.approximateNumEntries(), 0),
  };
}
