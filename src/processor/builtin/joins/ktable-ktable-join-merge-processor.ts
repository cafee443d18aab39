// Kafka: KTableKTableJoinMerger (its processor)
import type { Record } from '../../record.js';
import { Change } from '../change.js';
import { KTableChangeProcessor } from '../ktable-change-processor.js';

/**
 * Where both sides of a table-table join meet: forwards their changes (old values only when
 * requested downstream) and, when the result is materialized, writes it to `storeName` and
 * emits through the store's cache like any materialized table.
 */
export class KTableKTableJoinMergeProcessor extends KTableChangeProcessor<Change<unknown>> {
  process(record: Record<unknown, Change<unknown>>): void {
    const change = record.value;
    if (this.store !== null) {
      this.store.put(record.key, change.newValue === null ? null : { value: change.newValue, timestamp: record.timestamp });
      this.forwarder!.maybeForward(record.key, change.newValue, change.oldValue, record.timestamp, record);
    } else if (this.sendOldValues || change.oldValue === null) {
      this.context.forward(record);
    } else {
      this.context.forward(record.withValue(new Change(change.newValue, null, change.isLatest)));
    }
  }
}
