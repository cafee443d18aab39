// Kafka: KTableAggregate (also KGroupedTable.count)
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { TimestampedKeyValueStore } from '../../state/timestamped-key-value-store.js';
import { StreamsError } from '../../errors/streams-error.js';
import type { Change } from './change.js';
import { TimestampedTupleForwarder } from './timestamped-tuple-forwarder.js';

/**
 * Aggregates a grouped table: the subtractor removes the old value first, then the adder
 * adds the new one (initializing a missing aggregate). A tombstone only subtracts; a null
 * result deletes the key, and the next value re-initializes it.
 */
export class KTableAggregateProcessor implements Processor<unknown, Change<unknown>, unknown, Change<unknown>> {
  private store!: TimestampedKeyValueStore<unknown, unknown>;
  private forwarder!: TimestampedTupleForwarder<unknown, unknown>;

  constructor(
    private readonly storeName: string,
    private readonly initializer: () => unknown,
    private readonly adder: (key: any, value: any, aggregate: any) => unknown,
    private readonly subtractor: (key: any, value: any, aggregate: any) => unknown,
    private readonly sendOldValues: boolean,
  ) {}

  init(context: ProcessorContext<unknown, Change<unknown>>): void {
    this.store = context.getStateStore<TimestampedKeyValueStore<unknown, unknown>>(this.storeName);
    this.forwarder = new TimestampedTupleForwarder(this.store, context, this.sendOldValues);
  }

  process(record: Record<unknown, Change<unknown>>): void {
    const key = record.key;
    if (key == null) throw new StreamsError(`Record key for KTable aggregate operator with state ${this.storeName} should not be null.`);
    const change = record.value;
    const old = this.store.get(key);
    const oldAgg = old === null ? null : old.value;
    let timestamp = record.timestamp;
    let agg: unknown = oldAgg;
    if (change.oldValue != null && oldAgg != null) {
      agg = this.subtractor(key, change.oldValue, oldAgg) ?? null;
      timestamp = Math.max(record.timestamp, old!.timestamp);
    }
    if (change.newValue != null) {
      agg = this.adder(key, change.newValue, agg ?? this.initializer()) ?? null;
      if (old !== null) timestamp = Math.max(record.timestamp, old.timestamp);
    }
    this.store.put(key, agg === null ? null : { value: agg, timestamp });
    this.forwarder.maybeForward(key, agg, this.sendOldValues ? oldAgg : null, timestamp, record);
  }
}
