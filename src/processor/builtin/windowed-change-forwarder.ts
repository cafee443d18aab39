// Kafka: TimestampedTupleForwarder + TimestampedCacheFlushListener / SessionCacheFlushListener (windowed results)
import type { ProcessorContext } from '../processor-context.js';
import { Record } from '../record.js';
import type { Headers } from '../headers.js';
import type { StateStore } from '../../state/state-store.js';
import type { CachedStateStore } from '../../state/cached-state-store.js';
import type { ValueAndTimestamp } from '../../state/value-and-timestamp.js';
import type { Windowed } from '../../windows/windowed.js';
import { Change } from './change.js';

function isCached(store: StateStore): store is StateStore & CachedStateStore<Windowed<unknown>, unknown> {
  return typeof (store as Partial<CachedStateStore<unknown, unknown>>).setFlushListener === 'function';
}

/**
 * How a windowed aggregation emits its updates. With a caching store nothing is forwarded on
 * write: the cache forwards `Change(new, old)` when it flushes (commit or eviction), once per
 * window, stamped with the value's timestamp (time windows) or the session end (sessions).
 * Without a cache, or when `listen` is false (emit on window close), `forward` sends at once.
 */
export class WindowedChangeForwarder<K, V> {
  readonly cachingEnabled: boolean;

  constructor(
    store: StateStore,
    private readonly context: ProcessorContext<Windowed<K>, Change<V>>,
    private readonly sendOldValues: boolean,
    kind: 'window' | 'session',
    listen: boolean,
  ) {
    this.cachingEnabled =
      listen &&
      isCached(store) &&
      store.setFlushListener(
        kind === 'window'
          ? (key, newValue, oldValue, rc) => {
              const newVt = newValue as ValueAndTimestamp<V> | null;
              const oldVt = oldValue as ValueAndTimestamp<V> | null;
              const change = new Change(newVt === null ? null : newVt.value, oldVt === null ? null : oldVt.value);
              context.forward(new Record(key as Windowed<K>, change, newVt === null ? rc.timestamp : newVt.timestamp, rc.headers));
            }
          : (key, newValue, oldValue, rc) => {
              const change = new Change(newValue as V | null, oldValue as V | null);
              context.forward(new Record(key as Windowed<K>, change, key.window.end, rc.headers));
            },
        sendOldValues,
      );
  }

  /** Forwards `Change(newValue, oldValue)` unless the cache will (old value only with sendOldValues). */
  maybeForward(key: Windowed<K>, newValue: V | null, oldValue: V | null, timestamp: number, headers: Headers): void {
    if (this.cachingEnabled) return;
    this.context.forward(new Record(key, new Change(newValue, this.sendOldValues ? oldValue : null), timestamp, headers));
  }
}
