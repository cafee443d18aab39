import type { StateStore } from '../state-store.js';
import type { KeyValueStore } from '../key-value-store.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { KeyValue } from '../key-value.js';
import type { ValueAndTimestamp } from '../value-and-timestamp.js';
import { isTimestampedStore } from './timestamped-bytes.js';

function unwrapIterator<K, V>(inner: KeyValueIterator<K, ValueAndTimestamp<V>>): KeyValueIterator<K, V> {
  const it: KeyValueIterator<K, V> = {
    hasNext: () => inner.hasNext(),
    next: () => {
      const kv = inner.next();
      return { key: kv.key, value: kv.value.value };
    },
    peekNextKey: () => inner.peekNextKey(),
    close: () => inner.close(),
    *[Symbol.iterator]() {
      try {
        while (it.hasNext()) yield it.next();
      } finally {
        it.close();
      }
    },
  };
  return it;
}

const plain = <V>(vt: ValueAndTimestamp<V> | null): V | null => (vt === null ? null : vt.value);

/**
 * A plain-values view of a timestamped store (the driver's `getKeyValueStore`, and
 * `QueryableStoreTypes.keyValueStore()`): plain values in and out
 * (writes through the facade store timestamp -1, as Java's facade does).
 * Plain key-value stores are returned as they are.
 */
export function unwrapTimestamps(store: StateStore): KeyValueStore<unknown, unknown> {
  if (!isTimestampedStore(store)) return store as KeyValueStore<unknown, unknown>;
  const inner = store as KeyValueStore<unknown, ValueAndTimestamp<unknown>>;
  const wrap = (v: unknown): ValueAndTimestamp<unknown> | null => (v === null ? null : { value: v, timestamp: -1 });
  const facade: KeyValueStore<unknown, unknown> = {
    name: inner.name,
    init: (context, root) => inner.init(context, root),
    flush: () => inner.flush(),
    close: () => inner.close(),
    persistent: () => inner.persistent(),
    isOpen: () => inner.isOpen(),
    get: (key) => plain(inner.get(key)),
    put: (key, value) => inner.put(key, wrap(value)),
    putIfAbsent: (key, value) => plain(inner.putIfAbsent(key, wrap(value))),
    putAll: (entries: readonly KeyValue<unknown, unknown>[]) => inner.putAll(entries.map((e) => ({ key: e.key, value: wrap(e.value) }))),
    delete: (key) => plain(inner.delete(key)),
    range: (from, to) => unwrapIterator(inner.range(from, to)),
    reverseRange: (from, to) => unwrapIterator(inner.reverseRange(from, to)),
    all: () => unwrapIterator(inner.all()),
    reverseAll: () => unwrapIterator(inner.reverseAll()),
    prefixScan: (prefix, serializer) => unwrapIterator(inner.prefixScan(prefix, serializer)),
    approximateNumEntries: () => inner.approximateNumEntries(),
  };
  return facade;
}
