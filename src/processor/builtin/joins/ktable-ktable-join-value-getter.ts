// Kafka: KTableKTable{Inner,Left,Outer}Join.*ValueGetter (read through an unmaterialized join result)
import type { TableJoinType } from '../../../topology/graph/table-table-join-node.js';
import type { KTableValueGetterSupplier } from './ktable-value-getter.js';

/**
 * Computes a row of an unmaterialized table-table join from both tables' rows: inner needs
 * both, left needs this table's, outer either. The timestamp is the larger of the rows'.
 */
export function tableJoinGetter(
  joinType: TableJoinType,
  left: KTableValueGetterSupplier,
  right: KTableValueGetterSupplier,
  joiner: (value: any, otherValue: any, key: any) => unknown,
): KTableValueGetterSupplier {
  return {
    storeNames: [...new Set([...left.storeNames, ...right.storeNames])],
    get() {
      const l = left.get();
      const r = right.get();
      return {
        init(context) {
          l.init(context);
          r.init(context);
        },
        get(key) {
          const lr = l.get(key);
          if (lr === null && joinType !== 'outer') return null;
          const rr = r.get(key);
          if (rr === null && (joinType === 'inner' || lr === null)) return null;
          const value = joiner(lr === null ? null : lr.value, rr === null ? null : rr.value, key) ?? null;
          const timestamp = Math.max(lr === null ? -1 : lr.timestamp, rr === null ? -1 : rr.timestamp);
          return value === null ? null : { value, timestamp };
        },
        close() {
          l.close?.();
          r.close?.();
        },
      };
    },
  };
}
