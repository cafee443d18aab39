// Kafka: KTableKTableInnerJoin, KTableKTableLeftJoin, KTableKTableRightJoin, KTableKTableOuterJoin (their processors)
import type { Processor } from '../../processor.js';
import type { ProcessorContext } from '../../processor-context.js';
import type { Record } from '../../record.js';
import { Change } from '../change.js';
import type { KTableValueGetter } from './ktable-value-getter.js';

/**
 * How one side of a table-table join treats a missing partner: `inner` emits nothing,
 * `left` joins with null, `right` (the other side of a left join) emits only when this
 * side's partner row exists, joining even a deleted row, and `outer` joins whatever exists.
 */
export type TableJoinSide = 'inner' | 'left' | 'right' | 'outer';

/**
 * One side of a `KTable`-`KTable` join: joins each change of its table with the other
 * table's current row (read through its value getter). The output timestamp is the larger
 * of the two rows'. A deleted row is joined into a tombstone (or, for `left`/`outer`, a
 * row without a partner), so deletions propagate. Null keys are dropped.
 */
export class KTableKTableJoinProcessor implements Processor<unknown, Change<unknown>, unknown, Change<unknown>> {
  private context!: ProcessorContext<unknown, Change<unknown>>;

  constructor(
    private readonly side: TableJoinSide,
    private readonly otherGetter: KTableValueGetter,
    private readonly joiner: (value: any, otherValue: any, key: any) => unknown,
    /** True for the other table's side: the joiner takes (this table's value, the other's). */
    private readonly reversed: boolean,
    private readonly sendOldValues: boolean,
  ) {}

  init(context: ProcessorContext<unknown, Change<unknown>>): void {
    this.context = context;
    this.otherGetter.init(context);
  }

  private join(value: unknown, other: unknown, key: unknown): unknown {
    return (this.reversed ? this.joiner(other, value, key) : this.joiner(value, other, key)) ?? null;
  }

  process(record: Record<unknown, Change<unknown>>): void {
    const key = record.key;
    // Kafka logs and counts the dropped record.
    if (key == null) return;
    const change = record.value;
    const otherRow = this.otherGetter.get(key);
    const other = otherRow === null ? null : otherRow.value;
    const side = this.side;
    if (other === null && (side === 'inner' || side === 'right')) return;
    if (other === null && change.newValue === null && change.oldValue === null) return;
    const timestamp = otherRow === null ? record.timestamp : Math.max(record.timestamp, otherRow.timestamp);
    let newValue: unknown = null;
    let oldValue: unknown = null;
    if (side === 'right') {
      newValue = this.join(change.newValue, other, key);
      if (this.sendOldValues) oldValue = this.join(change.oldValue, other, key);
    } else {
      // An outer join also joins a missing row of this side with the other's row.
      const always = side === 'outer' && other !== null;
      if (change.newValue !== null || always) newValue = this.join(change.newValue, other, key);
      if (this.sendOldValues && (change.oldValue !== null || always)) oldValue = this.join(change.oldValue, other, key);
    }
    this.context.forward(record.withValue(new Change(newValue, oldValue, change.isLatest)).withTimestamp(timestamp));
  }

  close(): void {
    this.otherGetter.close?.();
  }
}
