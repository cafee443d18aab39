// Kafka: KTableTransformValues (KTableTransformValuesProcessor)
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import { transformerOf, type ValueTransformerWithKey, type ValueTransformerWithKeySupplier } from '../value-transformer-with-key.js';
import { Change } from './change.js';
import { KTableChangeProcessor } from './ktable-change-processor.js';
import { ValueTransformerContextImpl } from './value-transformer-context-impl.js';

/**
 * Transforms the new (and, with old values on and no store, the old) value of each table
 * change with the user's transformer, which is called for deletes too. When materialized,
 * the result is stored, the stored value is the old one, and the store (its cache) emits.
 */
export class KTableTransformValuesProcessor extends KTableChangeProcessor<Change<unknown>> {
  private readonly transformer: ValueTransformerWithKey<unknown, unknown, unknown>;
  private transformerContext!: ValueTransformerContextImpl;

  constructor(supplier: ValueTransformerWithKeySupplier, storeName: string | null, sendOldValues: boolean) {
    super(storeName, sendOldValues);
    this.transformer = transformerOf(supplier);
  }

  override init(context: ProcessorContext<unknown, Change<unknown>>): void {
    super.init(context);
    this.transformerContext = new ValueTransformerContextImpl(context);
    this.transformer.init?.(this.transformerContext);
  }

  process(record: Record<unknown, Change<unknown>>): void {
    const key = record.key;
    const change = record.value;
    this.transformerContext.enterRecord(record.timestamp, record.headers);
    const newValue = this.transformer.transform(key, change.newValue) ?? null;
    if (this.store !== null) {
      const oldValue = this.sendOldValues ? (this.store.get(key)?.value ?? null) : null;
      this.store.put(key, newValue === null ? null : { value: newValue, timestamp: record.timestamp });
      this.forwarder!.maybeForward(key, newValue, oldValue, record.timestamp, record);
      return;
    }
    const oldValue = this.sendOldValues ? (this.transformer.transform(key, change.oldValue) ?? null) : null;
    this.context.forward(record.withValue(new Change(newValue, oldValue, change.isLatest)));
  }

  close(): void {
    this.transformer.close?.();
  }
}
