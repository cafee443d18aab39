// Kafka: ForeachProcessor
import type { Processor } from '../processor.js';
import type { Record } from '../record.js';

/** Runs `action(key, value)`; forwards nothing. */
export class ForeachProcessor implements Processor<unknown, unknown, never, never> {
  constructor(private readonly action: (key: any, value: any) => void) {}

  process(record: Record<unknown, unknown>): void {
    this.action(record.key, record.value);
  }
}
