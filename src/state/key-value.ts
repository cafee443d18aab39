/** A key and a value (Java's `KeyValue`). Create with `KeyValue.pair(key, value)`. */
export interface KeyValue<K, V> {
  readonly key: K;
  readonly value: V;
}

/** Factory for `KeyValue` objects. */
export const KeyValue = {
  /** `KeyValue.pair('a', 1)` -> `{ key: 'a', value: 1 }`. */
  pair<K, V>(key: K, value: V): KeyValue<K, V> {
    return { key, value };
  },
};
