// Kafka: KStreamFlatMap
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import { Record } from '../record.js';
import type { KeyValue } from '../../state/key-value.js';

/** Forwards every `KeyValue` the mapper returns, each with the input timestamp and headers. */
export class KStreamFlatMapProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  constructor(private readonly mapper: (key: any, value: any) => Iterable<KeyValue<unknown, unknown>>) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
  }

  process(record: Record<unknown, unknown>): void {
    const { timestamp, headers } = record;
    for (const pair of this.mapper(record.key, record.value)) {
      this.context.forward(new Record(pair.key, pair.value, timestamp, headers));
    }
  }
}
