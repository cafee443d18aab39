// Kafka: KStreamAggregate (also count)
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { TimestampedKeyValueStore } from '../../state/timestamped-key-value-store.js';
import type { Change } from './change.js';
import { TimestampedTupleForwarder } from './timestamped-tuple-forwarder.js';

/**
 * Folds a grouped stream into a table: skips records with a null key or value, starts a
 * key from `initializer()`, and stamps the result with max(record ts, previous result ts).
 */
export class KStreamAggregateProcessor implements Processor<unknown, unknown, unknown, Change<unknown>> {
  private store!: TimestampedKeyValueStore<unknown, unknown>;
  private forwarder!: TimestampedTupleForwarder<unknown, unknown>;

  constructor(
    private readonly storeName: string,
    private readonly initializer: () => unknown,
    private readonly aggregator: (key: any, value: any, aggregate: any) => unknown,
    private readonly sendOldValues: boolean,
  ) {}

  init(context: ProcessorContext<unknown, Change<unknown>>): void {
    this.store = context.getStateStore<TimestampedKeyValueStore<unknown, unknown>>(this.storeName);
    this.forwarder = new TimestampedTupleForwarder(this.store, context, this.sendOldValues);
  }

  process(record: Record<unknown, unknown>): void {
    const key = record.key;
    // Kafka logs and counts these (dropped-records metric).
    if (key == null || record.value == null) return;
    const old = this.store.get(key);
    let oldAgg: unknown;
    let timestamp: number;
    if (old === null || old.value == null) {
      oldAgg = this.initializer();
      timestamp = record.timestamp;
    } else {
      oldAgg = old.value;
      timestamp = Math.max(record.timestamp, old.timestamp);
    }
    const newAgg = this.aggregator(key, record.value, oldAgg) ?? null;
    this.store.put(key, newAgg === null ? null : { value: newAgg, timestamp });
    // As in Kafka, the old value of a key's first change is the initializer's result.
    this.forwarder.maybeForward(key, newAgg, this.sendOldValues ? oldAgg : null, timestamp, record);
  }
}
