import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { TimestampedKeyValueStore } from '../../state/timestamped-key-value-store.js';
import { StreamsError } from '../../errors/streams-error.js';
import type { Change } from './change.js';
import { TimestampedTupleForwarder } from './timestamped-tuple-forwarder.js';

/**
 * The shared part of `KGroupedTable` aggregate and reduce: the old value of a change is
 * subtracted from the stored result first, then the new one is added. A null result
 * deletes the key. The result's timestamp is the later of the record's and the stored one
 * once the stored result was used.
 */
export abstract class KGroupedTableProcessor implements Processor<unknown, Change<unknown>, unknown, Change<unknown>> {
  private store!: TimestampedKeyValueStore<unknown, unknown>;
  private forwarder!: TimestampedTupleForwarder<unknown, unknown>;

  constructor(
    /** `aggregate` or `reduce`, for error messages. */
    private readonly operator: string,
    private readonly storeName: string,
    private readonly sendOldValues: boolean,
  ) {}

  init(context: ProcessorContext<unknown, Change<unknown>>): void {
    this.store = context.getStateStore<TimestampedKeyValueStore<unknown, unknown>>(this.storeName);
    this.forwarder = new TimestampedTupleForwarder(this.store, context, this.sendOldValues);
  }

  /** The result without `value` (null deletes). */
  protected abstract subtract(key: unknown, value: unknown, aggregate: unknown): unknown;

  /** The result with `value` added to `aggregate` (null when the key has none). */
  protected abstract add(key: unknown, value: unknown, aggregate: unknown): unknown;

  process(record: Record<unknown, Change<unknown>>): void {
    const key = record.key;
    if (key == null) throw new StreamsError(`Record key for KTable ${this.operator} operator with state ${this.storeName} should not be null.`);
    const change = record.value;
    const old = this.store.get(key);
    const oldAgg = old === null ? null : old.value;
    let timestamp = record.timestamp;
    let agg: unknown = oldAgg;
    if (change.oldValue != null && oldAgg != null) {
      agg = this.subtract(key, change.oldValue, oldAgg) ?? null;
      timestamp = Math.max(record.timestamp, old!.timestamp);
    }
    if (change.newValue != null) {
      agg = this.add(key, change.newValue, agg) ?? null;
      if (old !== null) timestamp = Math.max(record.timestamp, old.timestamp);
    }
    this.store.put(key, agg === null ? null : { value: agg, timestamp });
    this.forwarder.maybeForward(key, agg, this.sendOldValues ? oldAgg : null, timestamp, record);
  }
}
