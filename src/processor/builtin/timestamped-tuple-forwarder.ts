// Kafka: TimestampedTupleForwarder + TimestampedCacheFlushListener
import type { ProcessorContext } from '../processor-context.js';
import { Record } from '../record.js';
import type { StateStore } from '../../state/state-store.js';
import type { CachedStateStore } from '../../state/cached-state-store.js';
import type { ValueAndTimestamp } from '../../state/value-and-timestamp.js';
import { Change } from './change.js';

function isCached(store: StateStore): store is StateStore & CachedStateStore<unknown, ValueAndTimestamp<unknown>> {
  return typeof (store as Partial<CachedStateStore<unknown, unknown>>).setFlushListener === 'function';
}

/**
 * How a materialized KTable processor emits. With a caching store, nothing is forwarded
 * when the processor writes: the cache's flush listener forwards `Change(new, old)` on
 * commit or eviction, once per key, with the timestamp of the cached value. Without a
 * cache, each write is forwarded at once. Old values are dropped unless `sendOldValues`.
 */
export class TimestampedTupleForwarder<K, V> {
  private readonly cachingEnabled: boolean;

  constructor(
    store: StateStore,
    private readonly context: ProcessorContext<K, Change<V>>,
    private readonly sendOldValues: boolean,
  ) {
    this.cachingEnabled =
      isCached(store) &&
      store.setFlushListener((key, newValue, oldValue, recordContext) => {
        const newVt = newValue as ValueAndTimestamp<V> | null;
        const oldVt = oldValue as ValueAndTimestamp<V> | null;
        context.forward(
          new Record(
            key as K,
            new Change(newVt === null ? null : newVt.value, oldVt === null ? null : oldVt.value),
            newVt === null ? recordContext.timestamp : newVt.timestamp,
            recordContext.headers,
          ),
        );
      }, sendOldValues);
  }

  /**
   * Forwards `Change(newValue, oldValue)` unless the cache will (on flush). Takes the values
   * rather than a `Change` so the cached path allocates nothing.
   */
  maybeForward(key: K, newValue: V | null, oldValue: V | null, timestamp: number, template: Record<unknown, unknown>): void {
    if (this.cachingEnabled) return;
    const change = new Change(newValue, this.sendOldValues ? oldValue : null);
    this.context.forward(new Record(key, change, timestamp, template.headers));
  }
}
