// Kafka: CompositeReadOnlyKeyValueStore (interactive queries over this process's tasks)
import type { StateStore } from '../state/state-store.js';
import type { KeyValueStore, ReadOnlyKeyValueStore } from '../state/key-value-store.js';
import type { Serializer } from '../serdes/serde.js';
import { availableStores } from './available-stores.js';
import { chainIterators } from './chain-iterators.js';

/**
 * A read-only view of one store across the tasks running in this process. The task list is
 * read on every call, so the view follows rebalances; with no task holding the store (yet),
 * reads throw `InvalidStateStoreError` (retry after the rebalance, as in Kafka).
 */
export function compositeStore<K, V>(name: string, stores: () => StateStore[]): ReadOnlyKeyValueStore<K, V> {
  const all = (): KeyValueStore<K, V>[] => availableStores<KeyValueStore<K, V>>(name, stores);
  return {
    get: (key) => {
      for (const s of all()) {
        const v = s.get(key);
        if (v !== null) return v;
      }
      return null;
    },
    range: (from, to) => chainIterators(all().map((s) => s.range(from, to))),
    reverseRange: (from, to) => chainIterators(all().map((s) => s.reverseRange(from, to))),
    all: () => chainIterators(all().map((s) => s.all())),
    reverseAll: () => chainIterators(all().map((s) => s.reverseAll())),
    prefixScan: <P>(prefix: P, serializer: Serializer<P>) => chainIterators(all().map((s) => s.prefixScan(prefix, serializer))),
    approximateNumEntries: () => all().reduce((n, s) => n + s.approximateNumEntries(), 0),
  };
}
