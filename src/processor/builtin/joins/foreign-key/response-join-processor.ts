// Kafka: ResponseJoinProcessorSupplier
import type { Processor } from '../../../processor.js';
import type { ProcessorContext } from '../../../processor-context.js';
import type { Record } from '../../../record.js';
import type { Serializer } from '../../../../serdes/serde.js';
import type { KTableValueGetter } from '../ktable-value-getter.js';
import { murmur3Hash128 } from './murmur3.js';
import type { SubscriptionResponseWrapper } from './subscription-response-wrapper.js';

/**
 * The primary side of a foreign-key join, last step: joins a response with this table's
 * current row. A response whose hash is not the hash of the current row answers an older
 * version of it and is dropped, so no stale result is ever emitted. A missing foreign row
 * gives a tombstone (inner join) or the row joined with null (left join).
 */
export class ResponseJoinProcessor implements Processor<unknown, SubscriptionResponseWrapper<unknown>, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  constructor(
    private readonly getter: KTableValueGetter,
    private readonly valueSerializer: Serializer<unknown>,
    private readonly valueHashTopic: string,
    private readonly joiner: (value: any, foreignValue: any, key: any) => unknown,
    private readonly leftJoin: boolean,
  ) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
    this.getter.init(context);
  }

  process(record: Record<unknown, SubscriptionResponseWrapper<unknown>>): void {
    const current = this.getter.get(record.key);
    const bytes = current === null ? null : this.valueSerializer.serialize(this.valueHashTopic, current.value);
    const currentHash = bytes === null ? null : murmur3Hash128(bytes);
    const messageHash = record.value.originalValueHash;
    const same = currentHash === null || messageHash === null ? currentHash === messageHash : currentHash.equals(messageHash);
    // Kafka traces "Dropping FK-join response due to hash mismatch" and counts it.
    if (!same) return;
    const foreignValue = record.value.foreignValue;
    const result =
      foreignValue === null && (!this.leftJoin || current === null)
        ? null
        : (this.joiner(current === null ? null : current.value, foreignValue, record.key) ?? null);
    this.context.forward(record.withValue(result));
  }

  close(): void {
    this.getter.close?.();
  }
}
