// Kafka: PassThrough / KTablePassThrough
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';

/** Forwards every record unchanged (`merge`, `split` branches, cogroup merge). */
export class PassThroughProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
  }

  process(record: Record<unknown, unknown>): void {
    this.context.forward(record);
  }
}
