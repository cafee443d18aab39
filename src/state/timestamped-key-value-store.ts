import type { KeyValueStore } from './key-value-store.js';
import type { ValueAndTimestamp } from './value-and-timestamp.js';

/**
 * A key-value store whose values carry the timestamp of the record that wrote them
 * (the DSL's default store type).
 */
export type TimestampedKeyValueStore<K, V> = KeyValueStore<K, ValueAndTimestamp<V>>;
