// Kafka: KStreamPeek
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';

/** Runs `action(key, value)` and forwards the record unchanged. */
export class KStreamPeekProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  constructor(private readonly action: (key: any, value: any) => void) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
  }

  process(record: Record<unknown, unknown>): void {
    this.action(record.key, record.value);
    this.context.forward(record);
  }
}
