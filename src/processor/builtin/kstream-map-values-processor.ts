// Kafka: KStreamMapValues
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';

/** Replaces the value with `mapper(value, key)`. */
export class KStreamMapValuesProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  constructor(private readonly mapper: (value: any, key: any) => unknown) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
  }

  process(record: Record<unknown, unknown>): void {
    this.context.forward(record.withValue(this.mapper(record.value, record.key)));
  }
}
