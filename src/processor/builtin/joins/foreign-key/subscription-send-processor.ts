// Kafka: SubscriptionSendProcessorSupplier (UnbindChangeProcessor), 4.4 instructions
import type { Processor } from '../../../processor.js';
import type { ProcessorContext } from '../../../processor-context.js';
import type { Record } from '../../../record.js';
import type { Serializer } from '../../../../serdes/serde.js';
import type { Change } from '../../change.js';
import { murmur3Hash128 } from './murmur3.js';
import { Instruction, type SubscriptionWrapper } from './subscription-wrapper.js';

/**
 * The primary side of a foreign-key join: turns each change of this table into
 * subscriptions keyed by foreign key. A changed foreign key unsubscribes from the old one;
 * the subscription carries a hash of the new row (null for a deletion) so responses to an
 * older row can be recognised, and the task's partition, where responses must go.
 * A left join also subscribes rows without a foreign key (null key), to emit `(pk, row + null)`.
 */
export class SubscriptionSendProcessor implements Processor<unknown, Change<unknown>, unknown, SubscriptionWrapper<unknown>> {
  private context!: ProcessorContext<unknown, SubscriptionWrapper<unknown>>;
  private partition = -1;
  private hash: Buffer | null | undefined;

  constructor(
    private readonly extractor: (value: any, key: any) => unknown,
    private readonly foreignKeySerializer: Serializer<unknown>,
    private readonly valueSerializer: Serializer<unknown>,
    private readonly leftJoin: boolean,
    private readonly pseudoTopics: { readonly foreignKey: string; readonly valueHash: string },
  ) {}

  init(context: ProcessorContext<unknown, SubscriptionWrapper<unknown>>): void {
    this.context = context;
    // Kafka takes the partition of the record's metadata; a task's input partition is its own.
    this.partition = context.taskId.partition;
  }

  process(record: Record<unknown, Change<unknown>>): void {
    this.hash = undefined;
    const { oldValue, newValue } = record.value;
    const oldFk = oldValue === null ? null : (this.extractor(oldValue, record.key) ?? null);
    if (this.leftJoin) {
      if (oldValue === null && newValue === null) return;
      const newFk = newValue === null ? null : (this.extractor(newValue, record.key) ?? null);
      if (oldFk !== null && this.changed(newFk, oldFk)) this.send(record, oldFk, Instruction.DELETE_KEY_NO_PROPAGATE);
      this.send(record, newFk, Instruction.PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE);
      return;
    }
    if (newValue === null) {
      if (oldFk !== null) this.send(record, oldFk, Instruction.DELETE_KEY_AND_PROPAGATE);
      return;
    }
    const newFk = this.extractor(newValue, record.key) ?? null;
    if (newFk === null) {
      // Kafka logs "Skipping record due to null foreign key" and counts it; the old result goes.
      if (oldFk !== null) this.send(record, oldFk, Instruction.DELETE_KEY_AND_PROPAGATE);
    } else if (oldFk !== null && this.changed(newFk, oldFk)) {
      this.send(record, oldFk, Instruction.DELETE_KEY_NO_PROPAGATE);
      this.send(record, newFk, Instruction.PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE);
    } else {
      this.send(record, newFk, Instruction.PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE);
    }
  }

  /** Foreign keys are compared by their serialized bytes, as in Kafka. */
  private changed(a: unknown, b: unknown): boolean {
    const ab = a === null ? null : this.foreignKeySerializer.serialize(this.pseudoTopics.foreignKey, a);
    const bb = b === null ? null : this.foreignKeySerializer.serialize(this.pseudoTopics.foreignKey, b);
    return ab === null || bb === null ? ab !== bb : !ab.equals(bb);
  }

  private send(record: Record<unknown, Change<unknown>>, foreignKey: unknown, instruction: Instruction): void {
    if (this.hash === undefined) {
      const value = record.value.newValue;
      const bytes = value === null ? null : this.valueSerializer.serialize(this.pseudoTopics.valueHash, value);
      this.hash = bytes === null ? null : murmur3Hash128(bytes);
    }
    const wrapper: SubscriptionWrapper<unknown> = { hash: this.hash, instruction, primaryKey: record.key, primaryPartition: this.partition };
    this.context.forward(record.withKey(foreignKey).withValue(wrapper));
  }
}
