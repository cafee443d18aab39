// Kafka: SubscriptionReceiveProcessorSupplier
import type { Processor } from '../../../processor.js';
import type { ProcessorContext } from '../../../processor-context.js';
import type { Record } from '../../../record.js';
import type { TimestampedKeyValueStore } from '../../../../state/timestamped-key-value-store.js';
import type { ValueAndTimestamp } from '../../../../state/value-and-timestamp.js';
import { Change } from '../../change.js';
import type { CombinedKeySchema } from './combined-key-schema.js';
import { Instruction, type SubscriptionWrapper } from './subscription-wrapper.js';

/** The key the subscription processors pass on: the foreign key and the subscribing primary key. */
export interface CombinedKey<KO, K> {
  readonly foreignKey: KO;
  readonly primaryKey: K;
}

/**
 * The foreign side of a foreign-key join, first step: records each subscription in the
 * subscription store (keyed foreign key + primary key, so a foreign row's subscribers are
 * one prefix scan) or removes it, and passes it on. A subscription without a foreign key
 * (left join) is only passed on, to be answered with null.
 */
export class SubscriptionReceiveProcessor
  implements Processor<unknown, SubscriptionWrapper<unknown>, CombinedKey<unknown, unknown>, Change<ValueAndTimestamp<SubscriptionWrapper<unknown>>>>
{
  private context!: ProcessorContext<CombinedKey<unknown, unknown>, Change<ValueAndTimestamp<SubscriptionWrapper<unknown>>>>;
  private store!: TimestampedKeyValueStore<Buffer, SubscriptionWrapper<unknown>>;

  constructor(
    private readonly storeName: string,
    private readonly keySchema: CombinedKeySchema<unknown, unknown>,
  ) {}

  init(context: ProcessorContext<CombinedKey<unknown, unknown>, Change<ValueAndTimestamp<SubscriptionWrapper<unknown>>>>): void {
    this.context = context;
    this.store = context.getStateStore<TimestampedKeyValueStore<Buffer, SubscriptionWrapper<unknown>>>(this.storeName);
  }

  process(record: Record<unknown, SubscriptionWrapper<unknown>>): void {
    const wrapper = record.value;
    // Kafka logs "Skipping record due to null foreign key" and counts it.
    if (record.key == null && wrapper.instruction !== Instruction.PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE) return;
    const newValue = { value: wrapper, timestamp: record.timestamp };
    let oldValue: ValueAndTimestamp<SubscriptionWrapper<unknown>> | null = null;
    if (record.key != null) {
      const key = this.keySchema.toBytes(record.key, wrapper.primaryKey);
      oldValue = this.store.get(key);
      const remove = wrapper.instruction === Instruction.DELETE_KEY_AND_PROPAGATE || wrapper.instruction === Instruction.DELETE_KEY_NO_PROPAGATE;
      this.store.put(key, remove ? null : newValue);
    }
    const combined: CombinedKey<unknown, unknown> = { foreignKey: record.key ?? null, primaryKey: wrapper.primaryKey };
    this.context.forward(record.withKey(combined).withValue(new Change(newValue, oldValue)));
  }
}
