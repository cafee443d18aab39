// Kafka: SubscriptionJoinProcessorSupplier
import type { Processor } from '../../../processor.js';
import type { ProcessorContext } from '../../../processor-context.js';
import type { Record } from '../../../record.js';
import type { ValueAndTimestamp } from '../../../../state/value-and-timestamp.js';
import type { Change } from '../../change.js';
import type { KTableValueGetter } from '../ktable-value-getter.js';
import type { CombinedKey } from './subscription-receive-processor.js';
import type { SubscriptionResponseWrapper } from './subscription-response-wrapper.js';
import { Instruction, type SubscriptionWrapper } from './subscription-wrapper.js';

/**
 * The foreign side of a foreign-key join, second step: answers a new subscription with the
 * foreign row (read through the foreign table's getter), as its instruction says. The
 * answer is keyed by the primary key and stamped with the later of the two timestamps.
 */
export class SubscriptionJoinProcessor
  implements Processor<CombinedKey<unknown, unknown>, Change<ValueAndTimestamp<SubscriptionWrapper<unknown>>>, unknown, SubscriptionResponseWrapper<unknown>>
{
  private context!: ProcessorContext<unknown, SubscriptionResponseWrapper<unknown>>;

  constructor(private readonly foreignGetter: KTableValueGetter) {}

  init(context: ProcessorContext<unknown, SubscriptionResponseWrapper<unknown>>): void {
    this.context = context;
    this.foreignGetter.init(context);
  }

  process(record: Record<CombinedKey<unknown, unknown>, Change<ValueAndTimestamp<SubscriptionWrapper<unknown>>>>): void {
    const subscription = record.value.newValue!;
    const wrapper = subscription.value;
    const foreignKey = record.key.foreignKey;
    const foreign = foreignKey == null ? null : this.foreignGetter.get(foreignKey);
    const timestamp = foreign === null ? subscription.timestamp : Math.max(subscription.timestamp, foreign.timestamp);
    let foreignValue: unknown;
    switch (wrapper.instruction) {
      case Instruction.DELETE_KEY_AND_PROPAGATE:
        foreignValue = null;
        break;
      case Instruction.PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE:
        foreignValue = foreign === null ? null : foreign.value;
        break;
      case Instruction.PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE:
        if (foreign === null) return;
        foreignValue = foreign.value;
        break;
      default:
        return;
    }
    const response: SubscriptionResponseWrapper<unknown> = { originalValueHash: wrapper.hash, foreignValue, primaryPartition: wrapper.primaryPartition };
    this.context.forward(record.withKey(record.key.primaryKey).withValue(response).withTimestamp(timestamp));
  }

  close(): void {
    this.foreignGetter.close?.();
  }
}
