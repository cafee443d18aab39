// Kafka: KStreamFilter
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';

/** Forwards a record when `predicate` holds (or fails, for `filterNot`). */
export class KStreamFilterProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  constructor(
    private readonly predicate: (key: any, value: any) => boolean,
    private readonly negate: boolean,
  ) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
  }

  process(record: Record<unknown, unknown>): void {
    if (this.negate !== Boolean(this.predicate(record.key, record.value))) this.context.forward(record);
  }
}
