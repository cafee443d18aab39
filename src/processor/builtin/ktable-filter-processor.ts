// Kafka: KTableFilter (KTableFilterProcessor)
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { TimestampedKeyValueStore } from '../../state/timestamped-key-value-store.js';
import { Change } from './change.js';
import { TimestampedTupleForwarder } from './timestamped-tuple-forwarder.js';

/**
 * Filters table changes: a value failing the predicate becomes null, so a failing update
 * is forwarded as a tombstone rather than dropped. With old values on, a change whose new
 * and old results are both null is not forwarded at all.
 */
export class KTableFilterProcessor implements Processor<unknown, Change<unknown>, unknown, Change<unknown>> {
  private context!: ProcessorContext<unknown, Change<unknown>>;
  private store: TimestampedKeyValueStore<unknown, unknown> | null = null;
  private forwarder: TimestampedTupleForwarder<unknown, unknown> | null = null;

  constructor(
    private readonly predicate: (key: any, value: any) => boolean,
    private readonly negate: boolean,
    private readonly storeName: string | null,
    private readonly sendOldValues: boolean,
  ) {}

  init(context: ProcessorContext<unknown, Change<unknown>>): void {
    this.context = context;
    if (this.storeName !== null) {
      this.store = context.getStateStore<TimestampedKeyValueStore<unknown, unknown>>(this.storeName);
      this.forwarder = new TimestampedTupleForwarder(this.store, context, this.sendOldValues);
    }
  }

  private compute(key: unknown, value: unknown): unknown {
    return value != null && this.negate !== Boolean(this.predicate(key, value)) ? value : null;
  }

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
      if (oldValue === null && newValue === null) return;
    }
    if (this.store !== null) {
      this.store.put(key, newValue === null ? null : { value: newValue, timestamp: record.timestamp });
      this.forwarder!.maybeForward(key, newValue, oldValue, record.timestamp, record);
    } else {
      this.context.forward(record.withValue(new Change(newValue, oldValue, change.isLatest)));
    }
  }
}
