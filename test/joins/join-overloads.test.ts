import { describe, expect, it } from 'vitest';
import { Consumed, JoinWindows, Materialized, Named, Serdes, StreamBuilder, StreamJoined, TableJoined } from '../../src/index.js';

// The join overloads must infer the joiners' parameter types from the tables and streams
// (this file type-checks under `npm run typecheck`; noImplicitAny would flag an untyped lambda).
describe('join overloads', () => {
  it('infer types for every form, and build', () => {
    const S = Serdes.String();
    const L = Serdes.Long();
    const b = new StreamBuilder();
    const orders = b.table('orders', Consumed.with(S, S));
    const customers = b.table('customers', Consumed.with(S, S));
    const counts = b.table('counts', Consumed.with(S, L));
    const s = b.stream('s', Consumed.with(S, S));
    const s2 = b.stream('s2', Consumed.with(S, L));
    const g = b.globalTable('g', Consumed.with(S, L));
    const w = JoinWindows.ofTimeDifferenceWithNoGrace(5);
    const results = [
      orders.join(customers, (o) => o.split(':')[0]!, (o, c) => `${o}/${c}`).toStream(),
      orders.leftJoin(customers, (o, k) => `${k}${o}`, (o, c) => `${o}/${c ?? ''}`, TableJoined.as('fk')).toStream(),
      orders.join(customers, (o) => o, (o, c) => o.length + c.length, Materialized.as('fk-result')).toStream(),
      orders.join(counts, (o, n) => `${o}${n + 1}`).toStream(),
      orders.leftJoin(counts, (o, n) => `${o}${n ?? 0}`, Named.as('tt')).toStream(),
      orders.outerJoin(counts, (o, n) => `${o ?? ''}${n ?? 0}`, Materialized.as('outer')).toStream(),
      s.join(counts, (v, n) => v + n),
      s.leftJoin(g, (_k, v) => v, (v, n) => v + (n ?? 0), Named.as('global')),
      s.join(s2, (v, n) => v + n, w),
      s.leftJoin(s2, (v, n) => v + (n ?? 0), w, StreamJoined.with(S, S, L)),
      s.outerJoin(s2, (v, n) => (v ?? '') + (n ?? 0), w),
    ];
    results.forEach((r, i) => r.to(`out-${i}`));
    expect(() => b.build({ defaultKeySerde: S, defaultValueSerde: S })).not.toThrow();
  });
});
