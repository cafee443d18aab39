import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { TimestampedKeyValueStore } from '../../state/timestamped-key-value-store.js';
import type { Change } from './change.js';
import { TimestampedTupleForwarder } from './timestamped-tuple-forwarder.js';

/**
 * The shared part of the KTable processors that may materialize their result: with
 * `storeName` set, `store` holds the result and `forwarder` emits through the store (its
 * cache); without, both are null and subclasses forward changes themselves.
 */
export abstract class KTableChangeProcessor<VIn> implements Processor<unknown, VIn, unknown, Change<unknown>> {
  protected context!: ProcessorContext<unknown, Change<unknown>>;
  protected store: TimestampedKeyValueStore<unknown, unknown> | null = null;
  protected forwarder: TimestampedTupleForwarder<unknown, unknown> | null = null;

  constructor(
    private readonly storeName: string | null,
    protected readonly sendOldValues: boolean,
  ) {}

  init(context: ProcessorContext<unknown, Change<unknown>>): void {
    this.context = context;
    if (this.storeName !== null) {
      this.store = context.getStateStore<TimestampedKeyValueStore<unknown, unknown>>(this.storeName);
      this.forwarder = new TimestampedTupleForwarder(this.store, context, this.sendOldValues);
    }
  }

  abstract process(record: Record<unknown, VIn>): void;
}
