import type { Record } from '../record.js';
import { Change } from './change.js';
import { KTableChangeProcessor } from './ktable-change-processor.js';

/**
 * The shared part of the KTable operators that compute a value from each change's values
 * (filter, mapValues): computes the new and, with old values on, the old result. When
 * materialized (`storeName` set) the result is written to the store, the stored value is
 * the old one, and the store (its cache) emits; otherwise the computed change is forwarded.
 */
export abstract class KTableValueProcessor extends KTableChangeProcessor<Change<unknown>> {
  constructor(
    storeName: string | null,
    sendOldValues: boolean,
    /** With old values on, whether a change whose old and new results are both null is dropped. */
    private readonly dropsNullChanges: boolean,
  ) {
    super(storeName, sendOldValues);
  }

  /** The result for one value of a change (null for none). */
  protected abstract compute(key: unknown, value: unknown): unknown;

  process(record: Record<unknown, Change<unknown>>): void {
    const key = record.key;
    const change = record.value;
    const newValue = this.compute(key, change.newValue);
    let oldValue: unknown = null;
    if (this.sendOldValues) {
      if (this.store !== null) {
        const stored = this.store.get(key);
        oldValue = stored === null ? null : stored.value;
      } else {
        oldValue = this.compute(key, change.oldValue);
      }
      if (this.dropsNullChanges && oldValue === null && newValue === null) return;
    }
    if (this.store !== null) {
      this.store.put(key, newValue === null ? null : { value: newValue, timestamp: record.timestamp });
      this.forwarder!.maybeForward(key, newValue, oldValue, record.timestamp, record);
    } else {
      this.context.forward(record.withValue(new Change(newValue, oldValue, change.isLatest)));
    }
  }
}
