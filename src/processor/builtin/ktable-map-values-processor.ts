// Kafka: KTableMapValues (KTableMapValuesProcessor)
import { KTableValueProcessor } from './ktable-value-processor.js';

/** Maps the new (and, with old values on, the old) value of each table change; null stays null. */
export class KTableMapValuesProcessor extends KTableValueProcessor {
  constructor(
    private readonly mapper: (value: any, key: any) => unknown,
    storeName: string | null,
    sendOldValues: boolean,
  ) {
    super(storeName, sendOldValues, false);
  }

  protected compute(key: unknown, value: unknown): unknown {
    return value == null ? null : (this.mapper(value, key) ?? null);
  }
}
