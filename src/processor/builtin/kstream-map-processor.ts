// Kafka: KStreamMap
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import { Record } from '../record.js';
import type { KeyValue } from '../../state/key-value.js';
import { StreamsError } from '../../errors/streams-error.js';

/** Replaces key and value with the mapper's `KeyValue`; timestamp and headers are kept. */
export class KStreamMapProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  constructor(private readonly mapper: (key: any, value: any) => KeyValue<unknown, unknown>) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
  }

  process(record: Record<unknown, unknown>): void {
    const pair = this.mapper(record.key, record.value);
    if (pair === null || pair === undefined) {
      throw new StreamsError('The mapper of KStream.map() returned no KeyValue; return KeyValue.pair(key, value) (use filter() to drop records).');
    }
    this.context.forward(new Record(pair.key, pair.value, record.timestamp, record.headers));
  }
}
