// Kafka: KTableRepartitionMap (KTableMapProcessor)
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { KeyValue } from '../../state/key-value.js';
import { StreamsError } from '../../errors/streams-error.js';
import { Change } from './change.js';

/**
 * Re-keys a table change for `KTable.groupBy`. When the old and new values select the same
 * key, one record carries both; otherwise `Change(null, old)` goes to the old key first,
 * then `Change(new, null)` to the new key, so the aggregate subtracts before it adds.
 * Pairs with a null key or value are skipped.
 */
export class KTableRepartitionMapProcessor implements Processor<unknown, Change<unknown>, unknown, Change<unknown>> {
  private context!: ProcessorContext<unknown, Change<unknown>>;

  constructor(private readonly selector: (key: any, value: any) => KeyValue<unknown, unknown>) {}

  init(context: ProcessorContext<unknown, Change<unknown>>): void {
    this.context = context;
  }

  process(record: Record<unknown, Change<unknown>>): void {
    if (record.key == null) throw new StreamsError('Record key for the grouping KTable should not be null.');
    const change = record.value;
    const newPair = change.newValue == null ? null : this.selector(record.key, change.newValue);
    const oldPair = change.oldValue == null ? null : this.selector(record.key, change.oldValue);
    const oldOk = oldPair != null && oldPair.key != null && oldPair.value != null;
    const newOk = newPair != null && newPair.key != null && newPair.value != null;
    if (oldOk && newOk && sameKey(oldPair.key, newPair.key)) {
      this.context.forward(record.withKey(oldPair.key).withValue(new Change(newPair.value, oldPair.value, change.isLatest)));
      return;
    }
    if (oldOk) this.context.forward(record.withKey(oldPair.key).withValue(new Change(null, oldPair.value, change.isLatest)));
    if (newOk) this.context.forward(record.withKey(newPair.key).withValue(new Change(newPair.value, null, change.isLatest)));
  }
}

/** Java's `equals` for the key types the DSL sees: primitives by value, Buffers by content. */
function sameKey(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return false;
}
