import type { RestoreCallback } from '../state-store-context.js';
import type { StateStore } from '../state-store.js';
import { isTimestampedStore, withTimestamp } from './timestamped-bytes.js';

/**
 * The restore callback a backend registers: applies changelog records as raw bytes (null
 * value = delete). When the outer store is timestamped, the changelog carries the raw value
 * and the record timestamp separately, so the 8-byte timestamp is re-added here (Java does
 * this in the state manager for stores that are `TimestampedBytesStore`s).
 */
export function restoreCallback(root: StateStore, apply: (key: Buffer, value: Buffer | null) => void): RestoreCallback {
  if (isTimestampedStore(root)) {
    return (records) => {
      for (const r of records) apply(r.key, r.value === null ? null : withTimestamp(r.value, r.timestamp));
    };
  }
  return (records) => {
    for (const r of records) apply(r.key, r.value);
  };
}
