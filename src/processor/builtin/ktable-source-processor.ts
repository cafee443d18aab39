// Kafka: KTableSource (KTableSourceProcessor)
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { TimestampedKeyValueStore } from '../../state/timestamped-key-value-store.js';
import { Change } from './change.js';
import { TimestampedTupleForwarder } from './timestamped-tuple-forwarder.js';

/**
 * Turns records into table updates (`builder.table`, `KStream.toTable`): a null key is
 * dropped, a null value deletes. When materialized (`storeName` set) the update is written
 * to the store and the stored value becomes the change's old value; an out-of-order update
 * (older than the stored one) is still applied, as in Kafka.
 */
export class KTableSourceProcessor implements Processor<unknown, unknown, unknown, Change<unknown>> {
  private context!: ProcessorContext<unknown, Change<unknown>>;
  private store: TimestampedKeyValueStore<unknown, unknown> | null = null;
  private forwarder: TimestampedTupleForwarder<unknown, unknown> | null = null;

  constructor(
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

  process(record: Record<unknown, unknown>): void {
    // Kafka logs and counts the dropped record (dropped-records metric).
    if (record.key == null) return;
    const value = record.value ?? null;
    const store = this.store;
    if (store === null) {
      this.context.forward(record.withValue(new Change(value, null)));
      return;
    }
    const old = store.get(record.key);
    store.put(record.key, value === null ? null : { value, timestamp: record.timestamp });
    this.forwarder!.maybeForward(record.key, value, old === null ? null : old.value, record.timestamp, record);
  }
}
