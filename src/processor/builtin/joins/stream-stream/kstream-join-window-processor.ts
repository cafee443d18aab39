// Kafka: KStreamJoinWindow
import type { Processor } from '../../../processor.js';
import type { ProcessorContext } from '../../../processor-context.js';
import type { Record } from '../../../record.js';
import type { WindowStore } from '../../../../state/window-store.js';

/**
 * One side of a stream-stream join, first step: passes each record on, then keeps it (when
 * it has a key) in this side's window store, under its timestamp, for the other side to
 * find. The store keeps duplicates and drops records older than its retention.
 */
export class KStreamJoinWindowProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;
  private store!: WindowStore<unknown, unknown>;

  constructor(private readonly storeName: string) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
    this.store = context.getStateStore<WindowStore<unknown, unknown>>(this.storeName);
  }

  process(record: Record<unknown, unknown>): void {
    this.context.forward(record);
    // A null value is not stored either (the store keeps duplicates and ignores nulls).
    if (record.key != null) this.store.put(record.key, record.value ?? null, record.timestamp);
  }
}
