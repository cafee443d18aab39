// Kafka: KStreamMapValues((key, change) -> change.newValue) from KTableImpl.toStream
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { Change } from './change.js';

/** Turns table changes into stream records of the new value (a tombstone as null). */
export class KTableToStreamProcessor implements Processor<unknown, Change<unknown>, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
  }

  process(record: Record<unknown, Change<unknown>>): void {
    this.context.forward(record.withValue(record.value.newValue));
  }
}
