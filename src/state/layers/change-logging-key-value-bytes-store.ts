// Kafka: ChangeLoggingKeyValueBytesStore
import type { KeyValue } from '../key-value.js';
import type { StateStore } from '../state-store.js';
import type { StateStoreContext } from '../state-store-context.js';
import { WrappedKeyValueBytesStore } from './wrapped-key-value-bytes-store.js';

/**
 * Sends every write to the store's changelog topic (`<applicationId>-<store>-changelog`)
 * through the task's record collector, with the current record's timestamp and headers.
 * Under a caching layer this runs when the cache flushes, in the flushed entry's context.
 */
export class ChangeLoggingKeyValueBytesStore extends WrappedKeyValueBytesStore {
  protected context: StateStoreContext | null = null;
  private topic = '';

  override init(context: StateStoreContext, root: StateStore): void | Promise<void> {
    this.context = context;
    this.topic = context.changelogTopic(this.name);
    return this.wrapped.init(context, root);
  }

  override put(key: Buffer, value: Buffer | null): void {
    this.wrapped.put(key, value);
    this.log(key, value);
  }

  override putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    const previous = this.wrapped.putIfAbsent(key, value);
    if (previous === null) this.log(key, value);
    return previous;
  }

  override putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    this.wrapped.putAll(entries);
    for (const e of entries) this.log(e.key, e.value);
  }

  /** Logs a tombstone even when the key was absent (as Java does). */
  override delete(key: Buffer): Buffer | null {
    const old = this.wrapped.delete(key);
    this.log(key, null);
    return old;
  }

  /** Sends one changelog record; `value` is the store's bytes for the key (null = tombstone). */
  protected log(key: Buffer, value: Buffer | null): void {
    const context = this.context!;
    const rc = context.recordContext();
    context.logChange(this.topic, key, value, rc.timestamp, rc.headers);
  }

  /** Sends `value` from byte `valueOffset` on, with `timestamp`, as the changelog record. */
  protected logRaw(key: Buffer, value: Buffer | null, timestamp: number, valueOffset = 0): void {
    const context = this.context!;
    context.logChange(this.topic, key, value, timestamp, context.recordContext().headers, valueOffset);
  }
}
