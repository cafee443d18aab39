// Kafka: MeteredSessionStore
import type { Serde } from '../../serdes/serde.js';
import { MAX_TIME } from '../../serdes/internal/long-bytes.js';
import {
  SESSION_SUFFIX_SIZE,
  sessionKeyBinary,
  sessionKeyBytes,
  sessionKeyEnd,
  sessionKeyStart,
} from '../../serdes/internal/session-key-schema.js';
import { SessionWindow } from '../../windows/window.js';
import { Windowed } from '../../windows/windowed.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { SessionStore } from '../session-store.js';
import type { WindowedBytesStore } from '../windowed-bytes-store.js';
import { MappedIterator } from '../internals/mapped-iterator.js';
import { MeteredWindowedStore } from './metered-windowed-store.js';

/**
 * The typed outer layer of a session store: serializes keys and aggregates, stores each
 * session under `key + end + start` (Java's session key bytes, also the changelog key) and
 * turns ranges of those keys back into `Windowed` sessions.
 */
export class MeteredSessionStore<K, AGG> extends MeteredWindowedStore<K, AGG> implements SessionStore<K, AGG> {
  constructor(wrapped: WindowedBytesStore, metricsScope: string, keySerde: Serde<K> | null, valueSerde: Serde<AGG> | null) {
    super(wrapped, SESSION_SUFFIX_SIZE, metricsScope, keySerde, valueSerde);
  }

  put(sessionKey: Windowed<K>, aggregate: AGG | null): void {
    this.metrics.puts++;
    this.wrapped.put(this.binary(sessionKey), this.serdes.valueBytes(aggregate));
  }

  remove(sessionKey: Windowed<K>): void {
    this.metrics.deletes++;
    this.wrapped.delete(this.binary(sessionKey));
  }

  fetchSession(key: K, sessionStartTime: number, sessionEndTime: number): AGG | null {
    this.metrics.gets++;
    return this.serdes.value(this.wrapped.get(sessionKeyBinary(this.serdes.keyBytes(key), sessionStartTime, sessionEndTime)));
  }

  findSessions(earliestSessionEndTime: number, latestSessionEndTime: number): KeyValueIterator<Windowed<K>, AGG>;
  findSessions(key: K, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG>;
  findSessions(keyFrom: K | null, keyTo: K | null, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG>;
  findSessions(a: unknown, b: unknown, c?: number, d?: number): KeyValueIterator<Windowed<K>, AGG> {
    if (d !== undefined) return this.keyRange(a as K | null, b as K | null, c!, d, false);
    if (c !== undefined) return this.keySessions(a as K, b as number, c, false);
    return this.byTime(a as number, b as number, false);
  }

  backwardFindSessions(key: K, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG>;
  backwardFindSessions(keyFrom: K | null, keyTo: K | null, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG>;
  backwardFindSessions(a: K | null, b: unknown, c: number, d?: number): KeyValueIterator<Windowed<K>, AGG> {
    if (d !== undefined) return this.keyRange(a, b as K | null, c, d, true);
    return this.keySessions(a as K, b as number, c, true);
  }

  fetch(key: K): KeyValueIterator<Windowed<K>, AGG>;
  fetch(keyFrom: K | null, keyTo: K | null): KeyValueIterator<Windowed<K>, AGG>;
  fetch(keyFrom: K | null, keyTo?: K | null): KeyValueIterator<Windowed<K>, AGG> {
    return keyTo === undefined ? this.keySessions(keyFrom as K, 0, MAX_TIME, false) : this.keyRange(keyFrom, keyTo, 0, MAX_TIME, false);
  }

  backwardFetch(key: K): KeyValueIterator<Windowed<K>, AGG>;
  backwardFetch(keyFrom: K | null, keyTo: K | null): KeyValueIterator<Windowed<K>, AGG>;
  backwardFetch(keyFrom: K | null, keyTo?: K | null): KeyValueIterator<Windowed<K>, AGG> {
    return keyTo === undefined ? this.keySessions(keyFrom as K, 0, MAX_TIME, true) : this.keyRange(keyFrom, keyTo, 0, MAX_TIME, true);
  }

  protected windowedKey(binary: Buffer): Windowed<K> {
    return new Windowed(this.serdes.key(sessionKeyBytes(binary)), new SessionWindow(sessionKeyStart(binary), sessionKeyEnd(binary)));
  }

  protected keyBytesOf(binary: Buffer): Buffer {
    return sessionKeyBytes(binary);
  }

  /** Session end >= earliestEnd and start <= latestStart. */
  protected inTimeRange(binary: Buffer, earliestEnd: number, latestStart: number): boolean {
    return sessionKeyEnd(binary) >= earliestEnd && sessionKeyStart(binary) <= latestStart;
  }

  private binary(sessionKey: Windowed<K>): Buffer {
    return sessionKeyBinary(this.serdes.keyBytes(sessionKey.key), sessionKey.window.start, sessionKey.window.end);
  }

  /** One key's sessions with end >= earliestEnd and start <= latestStart, by end then start. */
  private keySessions(key: K, earliestEnd: number, latestStart: number, reverse: boolean): KeyValueIterator<Windowed<K>, AGG> {
    this.metrics.ranges++;
    const keyBytes = this.serdes.keyBytes(key);
    const lower = sessionKeyBinary(keyBytes, 0, Math.max(0, earliestEnd));
    const upper = this.maxStoreKey(keyBytes);
    const inner = reverse ? this.wrapped.reverseRange(lower, upper) : this.wrapped.range(lower, upper);
    return new MappedIterator(this.name, inner, (binary, value) => {
      if (!this.isOfKey(binary, keyBytes) || sessionKeyStart(binary) > latestStart) return null;
      return { key: this.windowedKey(binary), value: this.serdes.value(value) as AGG };
    });
  }
}
