// Kafka: KStreamReduce
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { TimestampedKeyValueStore } from '../../state/timestamped-key-value-store.js';
import type { Change } from './change.js';
import { TimestampedTupleForwarder } from './timestamped-tuple-forwarder.js';

/**
 * Reduces a grouped stream into a table: skips records with a null key or value; a key's
 * first value is its initial result; the result ts is max(record ts, previous result ts).
 */
export class KStreamReduceProcessor implements Processor<unknown, unknown, unknown, Change<unknown>> {
  private store!: TimestampedKeyValueStore<unknown, unknown>;
  private forwarder!: TimestampedTupleForwarder<unknown, unknown>;

  constructor(
    private readonly storeName: string,
    private readonly reducer: (aggregate: any, value: any) => unknown,
    private readonly sendOldValues: boolean,
  ) {}

  init(context: ProcessorContext<unknown, Change<unknown>>): void {
    this.store = context.getStateStore<TimestampedKeyValueStore<unknown, unknown>>(this.storeName);
    this.forwarder = new TimestampedTupleForwarder(this.store, context, this.sendOldValues);
  }

  process(record: Record<unknown, unknown>): void {
    const key = record.key;
    if (key == null || record.value == null) return;
    const old = this.store.get(key);
    const oldAgg = old === null ? null : old.value;
    let newAgg: unknown;
    let timestamp: number;
    if (oldAgg == null) {
      newAgg = record.value;
      timestamp = record.timestamp;
    } else {
      newAgg = this.reducer(oldAgg, record.value) ?? null;
      timestamp = Math.max(record.timestamp, old!.timestamp);
    }
    this.store.put(key, newAgg === null ? null : { value: newAgg, timestamp });
    this.forwarder.maybeForward(key, newAgg, this.sendOldValues ? oldAgg : null, timestamp, record);
  }
}
