// Kafka: ReadOnlySessionStore, SessionStore
import type { Windowed } from '../windows/windowed.js';
import type { KeyValueIterator } from './key-value-iterator.js';
import type { StateStore } from './state-store.js';

/**
 * Read-only view of a session store. Sessions are `[start, end]` (inclusive); iteration is by
 * key bytes, then session end, then start.
 */
export interface ReadOnlySessionStore<K, AGG> {
  /** `key`'s sessions that end at or after `earliestSessionEndTime` and start at or before `latestSessionStartTime`. */
  findSessions(key: K, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG>;
  /** The same for keys in `[keyFrom, keyTo]` (serialized byte order; null = open). */
  findSessions(keyFrom: K | null, keyTo: K | null, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG>;
  /** Like `findSessions`, in reverse order. */
  backwardFindSessions(key: K, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG>;
  backwardFindSessions(keyFrom: K | null, keyTo: K | null, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG>;
  /** The aggregate of `key`'s session `[sessionStartTime, sessionEndTime]`, or null. */
  fetchSession(key: K, sessionStartTime: number, sessionEndTime: number): AGG | null;
  /** Every session of `key`. */
  fetch(key: K): KeyValueIterator<Windowed<K>, AGG>;
  /** Every session of keys in `[keyFrom, keyTo]`. */
  fetch(keyFrom: K | null, keyTo: K | null): KeyValueIterator<Windowed<K>, AGG>;
  backwardFetch(key: K): KeyValueIterator<Windowed<K>, AGG>;
  backwardFetch(keyFrom: K | null, keyTo: K | null): KeyValueIterator<Windowed<K>, AGG>;
}

/**
 * A store of session aggregates per key (`SessionStore` in Kafka). Reads are synchronous.
 * Sessions are kept for the retention period, measured against the largest session end seen.
 */
export interface SessionStore<K, AGG> extends StateStore, ReadOnlySessionStore<K, AGG> {
  /**
   * Sessions of any key whose end is in `[earliestSessionEndTime, latestSessionEndTime]`, by
   * end, then start, then key bytes (what emit-on-window-close reads).
   */
  findSessions(earliestSessionEndTime: number, latestSessionEndTime: number): KeyValueIterator<Windowed<K>, AGG>;
  findSessions(key: K, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG>;
  findSessions(keyFrom: K | null, keyTo: K | null, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG>;
  /** Writes a session's aggregate (null removes it). */
  put(sessionKey: Windowed<K>, aggregate: AGG | null): void;
  /** Removes a session. */
  remove(sessionKey: Windowed<K>): void;
}
