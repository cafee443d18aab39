// Kafka: ReadOnlyWindowStoreFacade (plain-values views of timestamped window stores)
import type { KeyValue } from '../key-value.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { StateStore } from '../state-store.js';
import type { ValueAndTimestamp } from '../value-and-timestamp.js';
import type { TimestampedWindowStore, WindowStore } from '../window-store.js';
import { isTimestampedStore } from './timestamped-bytes.js';
import { iterate } from './iterate.js';

function plainValues<K, V>(inner: KeyValueIterator<K, ValueAndTimestamp<V>>): KeyValueIterator<K, V> {
  const it: KeyValueIterator<K, V> = {
    hasNext: () => inner.hasNext(),
    next: (): KeyValue<K, V> => {
      const kv = inner.next();
      return { key: kv.key, value: kv.value.value };
    },
    peekNextKey: () => inner.peekNextKey(),
    close: () => inner.close(),
    [Symbol.iterator]: () => iterate(it),
  };
  return it;
}

/**
 * A plain-values view of a timestamped window store (the driver's `getWindowStore`, and
 * `QueryableStoreTypes.windowStore()`): plain values (writes
 * through the facade get timestamp -1, as Java's facade does). Plain window stores are
 * returned as they are.
 */
export function unwrapWindowTimestamps<K, V>(store: StateStore): WindowStore<K, V> {
  if (!isTimestampedStore(store)) return store as WindowStore<K, V>;
  const inner = store as TimestampedWindowStore<K, V>;
  const plain = (vt: ValueAndTimestamp<V> | null): V | null => (vt === null ? null : vt.value);
  const facade = {
    name: inner.name,
    init: inner.init.bind(inner),
    flush: () => inner.flush(),
    close: () => inner.close(),
    persistent: () => inner.persistent(),
    isOpen: () => inner.isOpen(),
    put: (key: K, value: V | null, windowStart: number) => inner.put(key, value === null ? null : { value, timestamp: -1 }, windowStart),
    fetch: (...args: [K, number] | [K, number, number] | [K | null, K | null, number, number]): unknown => {
      if (args.length === 2) return plain(inner.fetch(args[0], args[1]));
      if (args.length === 3) return plainValues(inner.fetch(args[0], args[1], args[2]));
      return plainValues(inner.fetch(args[0], args[1], args[2], args[3]));
    },
    backwardFetch: (...args: [K, number, number] | [K | null, K | null, number, number]): unknown =>
      args.length === 3 ? plainValues(inner.backwardFetch(args[0], args[1], args[2])) : plainValues(inner.backwardFetch(args[0], args[1], args[2], args[3])),
    fetchAll: (from: number, to: number) => plainValues(inner.fetchAll(from, to)),
    backwardFetchAll: (from: number, to: number) => plainValues(inner.backwardFetchAll(from, to)),
    all: () => plainValues(inner.all()),
    backwardAll: () => plainValues(inner.backwardAll()),
  };
  return facade as unknown as WindowStore<K, V>;
}
