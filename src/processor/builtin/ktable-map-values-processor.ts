// Kafka: KTableMapValues (KTableMapValuesProcessor)
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { TimestampedKeyValueStore } from '../../state/timestamped-key-value-store.js';
import { Change } from './change.js';
import { TimestampedTupleForwarder } from './timestamped-tuple-forwarder.js';

/** Maps the new (and, with old values on, the old) value of each table change; null stays null. */
export class KTableMapValuesProcessor implements Processor<unknown, Change<unknown>, unknown, Change<unknown>> {
  private context!: ProcessorContext<unknown, Change<unknown>>;
  private store: TimestampedKeyValueStore<unknown, unknown> | null = null;
  private forwarder: TimestampedTupleForwarder<unknown, unknown> | null = null;

  constructor(
    private readonly mapper: (value: any, key: any) => unknown,
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
    return value == null ? null : (this.mapper(value, key) ?? null);
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
    }
    if (this.store !== null) {
      this.store.put(key, newValue === null ? null : { value: newValue, timestamp: record.timestamp });
      this.forwarder!.maybeForward(key, newValue, oldValue, record.timestamp, record);
    } else {
      this.context.forward(record.withValue(new Change(newValue, oldValue, change.isLatest)));
    }
  }
}
