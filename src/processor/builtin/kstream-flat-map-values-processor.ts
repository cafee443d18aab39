// Kafka: KStreamFlatMapValues
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';

/** Forwards one record per value the mapper returns, keeping key, timestamp and headers. */
export class KStreamFlatMapValuesProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  constructor(private readonly mapper: (value: any, key: any) => Iterable<unknown>) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
  }

  process(record: Record<unknown, unknown>): void {
    const values = this.mapper(record.value, record.key);
    const context = this.context;
    // Arrays are the common case; index them instead of allocating an iterator.
    if (Array.isArray(values)) {
      for (let i = 0; i < values.length; i++) context.forward(record.withValue(values[i]));
    } else {
      for (const value of values) context.forward(record.withValue(value));
    }
  }
}
