// Kafka: KTableKTableJoinMerger (its processor)
import type { Processor } from '../../processor.js';
import type { ProcessorContext } from '../../processor-context.js';
import type { Record } from '../../record.js';
import type { TimestampedKeyValueStore } from '../../../state/timestamped-key-value-store.js';
import { Change } from '../change.js';
import { TimestampedTupleForwarder } from '../timestamped-tuple-forwarder.js';

/**
 * Where both sides of a table-table join meet: forwards their changes (old values only when
 * requested downstream) and, when the result is materialized, writes it to `storeName` and
 * emits through the store's cache like any materialized table.
 */
export class KTableKTableJoinMergeProcessor implements Processor<unknown, Change<unknown>, unknown, Change<unknown>> {
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
