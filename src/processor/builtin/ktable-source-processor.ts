// Kafka: KTableSource (KTableSourceProcessor)
import type { Record } from '../record.js';
import { Change } from './change.js';
import { KTableChangeProcessor } from './ktable-change-processor.js';

/**
 * Turns records into table updates (`builder.table`, `KStream.toTable`): a null key is
 * dropped, a null value deletes. When materialized (`storeName` set) the update is written
 * to the store and the stored value becomes the change's old value; an out-of-order update
 * (older than the stored one) is still applied, as in Kafka.
 */
export class KTableSourceProcessor extends KTableChangeProcessor<unknown> {
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
