// Kafka: ForeignTableJoinProcessorSupplier
import type { Processor } from '../../../processor.js';
import type { ProcessorContext } from '../../../processor-context.js';
import type { Record } from '../../../record.js';
import type { TimestampedKeyValueStore } from '../../../../state/timestamped-key-value-store.js';
import type { Serializer } from '../../../../serdes/serde.js';
import type { Change } from '../../change.js';
import type { CombinedKeySchema } from './combined-key-schema.js';
import type { SubscriptionResponseWrapper } from './subscription-response-wrapper.js';
import type { SubscriptionWrapper } from './subscription-wrapper.js';

const BYTES: Serializer<Buffer> = { serialize: (_topic, data) => data };

/**
 * The foreign side of a foreign-key join, on a change of the foreign table: answers every
 * subscriber of that foreign key (a prefix scan of the subscription store, in primary-key
 * byte order) with the new row, keeping the foreign record's timestamp.
 */
export class ForeignTableJoinProcessor implements Processor<unknown, Change<unknown>, unknown, SubscriptionResponseWrapper<unknown>> {
  private context!: ProcessorContext<unknown, SubscriptionResponseWrapper<unknown>>;
  private store!: TimestampedKeyValueStore<Buffer, SubscriptionWrapper<unknown>>;

  constructor(
    private readonly storeName: string,
    private readonly keySchema: CombinedKeySchema<unknown, unknown>,
  ) {}

  init(context: ProcessorContext<unknown, SubscriptionResponseWrapper<unknown>>): void {
    this.context = context;
    this.store = context.getStateStore<TimestampedKeyValueStore<Buffer, SubscriptionWrapper<unknown>>>(this.storeName);
  }

  process(record: Record<unknown, Change<unknown>>): void {
    // Kafka logs "Skipping record due to null key" and counts it.
    if (record.key == null) return;
    const foreignValue = record.value.newValue;
    const it = this.store.prefixScan(this.keySchema.prefixBytes(record.key), BYTES);
    try {
      while (it.hasNext()) {
        const { key, value } = it.next();
        const wrapper = value.value;
        const response: SubscriptionResponseWrapper<unknown> = { originalValueHash: wrapper.hash, foreignValue, primaryPartition: wrapper.primaryPartition };
        this.context.forward(record.withKey(this.keySchema.primaryKey(key)).withValue(response));
      }
    } finally {
      it.close();
    }
  }
}
