import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { TimestampedKeyValueStore } from '../../state/timestamped-key-value-store.js';
import { Change } from './change.js';
import { TimestampedTupleForwarder } from './timestamped-tuple-forwarder.js';

/**
 * The shared part of the KTable operators that compute a value from each change's values
 * (filter, mapValues): computes the new and, with old values on, the old result. When
 * materialized (`storeName` set) the result is written to the store, the stored value is
 * the old one, and the store (its cache) emits; otherwise the computed change is forwarded.
 */
export abstract class KTableValueProcessor implements Processor<unknown, Change<unknown>, unknown, Change<unknown>> {
  private context!: ProcessorContext<unknown, Change<unknown>>;
  private store: TimestampedKeyValueStore<unknown, unknown> | null = null;
  private forwarder: TimestampedTupleForwarder<unknown, unknown> | null = null;

  constructor(
    private readonly storeName: string | null,
    private readonly sendOldValues: boolean,
    /** With old values on, whether a change whose old and new results are both null is dropped. */
    private readonly dropsNullChanges: boolean,
  ) {}

  init(context: ProcessorContext<unknown, Change<unknown>>): void {
    this.context = context;
    if (this.storeName !== null) {
      this.store = context.getStateStore<TimestampedKeyValueStore<unknown, unknown>>(this.storeName);
      this.forwarder = new TimestampedTupleForwarder(this.store, context, this.sendOldValues);
    }
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
