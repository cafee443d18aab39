// Kafka: KStreamKTableJoinProcessor (KStreamKTableJoin, KStreamGlobalKTableJoin)
import type { Processor } from '../../processor.js';
import type { ProcessorContext } from '../../processor-context.js';
import type { Record } from '../../record.js';
import type { KTableValueGetter } from './ktable-value-getter.js';

/**
 * Joins each stream record with the table's current row for its key (`keySelector(key,
 * value)` for a global table), read when the record is processed; the output keeps the
 * stream record's key and timestamp. A record with a null value is dropped, and so is one
 * whose table key is null unless this is a left join, which joins it with null (KIP-962).
 * An inner join emits only when the table has a row.
 */
export class KStreamKTableJoinProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  constructor(
    private readonly getter: KTableValueGetter,
    private readonly keySelector: ((key: any, value: any) => unknown) | null,
    private readonly joiner: (value: any, tableValue: any, key: any) => unknown,
    private readonly leftJoin: boolean,
  ) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
    this.getter.init(context);
  }

  process(record: Record<unknown, unknown>): void {
    const value = record.value;
    // Kafka logs and counts the dropped record (dropped-records metric).
    if (value == null) return;
    const tableKey = this.keySelector === null ? record.key : this.keySelector(record.key, value);
    if (tableKey == null && !this.leftJoin) return;
    const row = tableKey == null ? null : this.getter.get(tableKey);
    if (row === null && !this.leftJoin) return;
    this.context.forward(record.withValue(this.joiner(value, row === null ? null : row.value, record.key) ?? null));
  }

  close(): void {
    this.getter.close?.();
  }
}
