import type { KeyValue } from './key-value.js';

/**
 * A synchronous iterator over store entries. Must be closed (or fully consumed with
 * `for...of`, which closes it) so the store can release what it holds.
 */
export interface KeyValueIterator<K, V> extends Iterable<KeyValue<K, V>> {
  hasNext(): boolean;
  next(): KeyValue<K, V>;
  /** The key `next()` would return, without consuming it; throws when exhausted. */
  peekNextKey(): K;
  close(): void;
}
