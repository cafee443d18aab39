// Kafka: KTableFilter (KTableFilterProcessor)
import { KTableValueProcessor } from './ktable-value-processor.js';

/**
 * Filters table changes: a value failing the predicate becomes null, so a failing update
 * is forwarded as a tombstone rather than dropped. With old values on, a change whose new
 * and old results are both null is not forwarded at all.
 */
export class KTableFilterProcessor extends KTableValueProcessor {
  constructor(
    private readonly predicate: (key: any, value: any) => boolean,
    private readonly negate: boolean,
    storeName: string | null,
    sendOldValues: boolean,
  ) {
    super(storeName, sendOldValues, true);
  }

  protected compute(key: unknown, value: unknown): unknown {
    return value != null && this.negate !== Boolean(this.predicate(key, value)) ? value : null;
  }
}
