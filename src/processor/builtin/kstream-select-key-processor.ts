// Kafka: KStreamMap built by KStreamImpl.internalSelectKey
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';

/** Replaces the key with the selector's result (`selectKey`, `groupBy`). */
export class KStreamSelectKeyProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  constructor(private readonly selector: (key: any, value: any) => unknown) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
  }

  process(record: Record<unknown, unknown>): void {
    this.context.forward(record.withKey(this.selector(record.key, record.value)));
  }
}
