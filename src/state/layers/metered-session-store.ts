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
import type { CachedStateStore, CacheFlushListener } from '../cached-state-store.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { SessionStore } from '../session-store.js';
import type { StateStore } from '../state-store.js';
import type { StateStoreContext } from '../state-store-context.js';
import type { WindowedBytesStore } from '../windowed-bytes-store.js';
import { defaultSerde } from '../internals/default-serde.js';
import { MappedIterator } from '../internals/mapped-iterator.js';
import { StoreMetrics } from './store-metrics.js';
import { StoreSerdes } from './metered-serdes.js';
import { isCachedStateStore } from './wrapped-key-value-bytes-store.js';

const MAX_SUFFIX = Buffer.alloc(SESSION_SUFFIX_SIZE, 0xff);

/**
 * The typed outer layer of a session store: serializes keys and aggregates, stores each
 * session under `key + end + start` (Java's session key bytes, also the changelog key) and
 * turns ranges of those keys back into `Windowed` sessions.
 */
export class MeteredSessionStore<K, AGG> implements SessionStore<K, AGG>, CachedStateStore<Windowed<K>, AGG> {
  readonly name: string;
  readonly metrics: StoreMetrics;
  private readonly serdes: StoreSerdes<K, AGG>;

  constructor(
    readonly wrapped: WindowedBytesStore,
    metricsScope: string,
    private readonly keySerde: Serde<K> | null,
    private readonly valueSerde: Serde<AGG> | null,
  ) {
    this.name = wrapped.name;
    this.metrics = new StoreMetrics(wrapped.name, metricsScope);
    this.serdes = new StoreSerdes(wrapped.name);
  }

  init(context: StateStoreContext, root: StateStore): void | Promise<void> {
    this.serdes.init(context, this.keySerde, this.valueSerde ?? (defaultSerde(context, 'value', this.name) as Serde<AGG>));
    return this.wrapped.init(context, root);
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
    this.metrics.ranges++;
    const inner = this.wrapped.fetchByTime(a as number, b as number, false);
    return new MappedIterator(this.name, inner, (key, value) => ({ key: this.windowedKey(key), value: this.serdes.value(value) as AGG }));
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

  flush(): void {
    this.metrics.flushes++;
    this.wrapped.flush();
  }

  close(): void | Promise<void> {
    return this.wrapped.close();
  }

  persistent(): boolean {
    return this.wrapped.persistent();
  }

  isOpen(): boolean {
    return this.wrapped.isOpen();
  }

  /** Forwards what the cache flushes as `Windowed` sessions and typed aggregates; false without a cache. */
  setFlushListener(listener: CacheFlushListener<Windowed<K>, AGG>, sendOldValues: boolean): boolean {
    if (!isCachedStateStore(this.wrapped)) return false;
    return this.wrapped.setFlushListener(
      (key, newValue, oldValue, context) => listener(this.windowedKey(key), this.serdes.value(newValue), this.serdes.value(oldValue), context),
      sendOldValues,
    );
  }

  flushCache(): void {
    if (isCachedStateStore(this.wrapped)) this.wrapped.flushCache();
  }

  private binary(sessionKey: Windowed<K>): Buffer {
    return sessionKeyBinary(this.serdes.keyBytes(sessionKey.key), sessionKey.window.start, sessionKey.window.end);
  }

  private windowedKey(binary: Buffer): Windowed<K> {
    return new Windowed(this.serdes.key(sessionKeyBytes(binary)), new SessionWindow(sessionKeyStart(binary), sessionKeyEnd(binary)));
  }

  /** One key's sessions with end >= earliestEnd and start <= latestStart, by end then start. */
  private keySessions(key: K, earliestEnd: number, latestStart: number, reverse: boolean): KeyValueIterator<Windowed<K>, AGG> {
    this.metrics.ranges++;
    const keyBytes = this.serdes.keyBytes(key);
    const lower = sessionKeyBinary(keyBytes, 0, Math.max(0, earliestEnd));
    const upper = Buffer.concat([keyBytes, MAX_SUFFIX]);
    const inner = reverse ? this.wrapped.reverseRange(lower, upper) : this.wrapped.range(lower, upper);
    const length = keyBytes.length + SESSION_SUFFIX_SIZE;
    return new MappedIterator(this.name, inner, (binary, value) => {
      // The bounds may also cover longer keys that start with this one: skip those.
      if (binary.length !== length || keyBytes.compare(binary, 0, keyBytes.length) !== 0) return null;
      if (sessionKeyStart(binary) > latestStart) return null;
      return { key: this.windowedKey(binary), value: this.serdes.value(value) as AGG };
    });
  }

  private keyRange(keyFrom: K | null, keyTo: K | null, earliestEnd: number, latestStart: number, reverse: boolean): KeyValueIterator<Windowed<K>, AGG> {
    this.metrics.ranges++;
    const from = keyFrom === null ? null : this.serdes.keyBytes(keyFrom);
    const to = keyTo === null ? null : this.serdes.keyBytes(keyTo);
    const upper = to === null ? null : Buffer.concat([to, MAX_SUFFIX]);
    const inner = reverse ? this.wrapped.reverseRange(from, upper) : this.wrapped.range(from, upper);
    return new MappedIterator(this.name, inner, (binary, value) => {
      if (sessionKeyEnd(binary) < earliestEnd || sessionKeyStart(binary) > latestStart) return null;
      const keyBytes = sessionKeyBytes(binary);
      if ((from !== null && Buffer.compare(keyBytes, from) < 0) || (to !== null && Buffer.compare(keyBytes, to) > 0)) return null;
      return { key: this.windowedKey(binary), value: this.serdes.value(value) as AGG };
    });
  }
}
