// Differential programs (see differential.test.ts): joins of every kind, and joins feeding or
// fed by re-groupings. Each is the twin of the program of the same name in
// tools/java-reference/src/main/java/kstreams/reference/DifferentialPrograms.java.
import {
  Branched,
  BufferConfig,
  Consumed,
  Grouped,
  JoinWindows,
  KeyValue,
  Materialized,
  Named,
  Produced,
  StreamJoined,
  Suppressed,
  TimeWindows,
} from '../../../src/index.js';
import { S } from '../driver-helpers.js';
import {
  digit,
  grouped,
  joined,
  joinWindows,
  stream,
  table,
  tableOut,
  type Programs,
} from './helpers.js';

export const JOIN_PROGRAMS: Programs = {
  'stream-stream-inner': [2, (b) => stream(b, 0).join(stream(b, 1), joined, joinWindows(), StreamJoined.with(S, S, S)).to('out', Produced.with(S, S))],
  'stream-stream-left': [2, (b) => stream(b, 0).leftJoin(stream(b, 1), joined, joinWindows(), StreamJoined.with(S, S, S)).to('out', Produced.with(S, S))],
  'stream-stream-outer': [2, (b) => stream(b, 0).outerJoin(stream(b, 1), joined, joinWindows(), StreamJoined.with(S, S, S)).to('out', Produced.with(S, S))],
  'stream-stream-outer-asymmetric': [
    2,
    (b) =>
      stream(b, 0)
        .outerJoin(stream(b, 1), joined, JoinWindows.ofTimeDifferenceAndGrace(6, 2).before(2), StreamJoined.with(S, S, S))
        .to('out', Produced.with(S, S)),
  ],
  'stream-stream-left-asymmetric': [
    2,
    (b) =>
      stream(b, 0)
        .leftJoin(stream(b, 1), joined, JoinWindows.ofTimeDifferenceAndGrace(3, 4).after(7), StreamJoined.with(S, S, S))
        .to('out', Produced.with(S, S)),
  ],
  'stream-table-left': [2, (b) => stream(b, 0).leftJoin(table(b, 1), joined).to('out', Produced.with(S, S))],
  'table-table-outer': [2, (b) => tableOut(table(b, 0).outerJoin(table(b, 1), joined))],
  'table-table-left': [2, (b) => tableOut(table(b, 0).leftJoin(table(b, 1), joined))],
  'table-table-inner-filtered': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .join(table(b, 1), joined)
          .filter((_k, v) => !v.includes('0')),
      ),
  ],
  'stream-global-table-left': [
    2,
    (b) =>
      stream(b, 0)
        .leftJoin(b.globalTable('in1', Consumed.with(S, S)), (_k, v) => (v === null ? null : v.slice(0, 1)), joined)
        .to('out', Produced.with(S, S)),
  ],
  'stream-table-left-through-getters': [
    2,
    (b) =>
      stream(b, 0)
        .leftJoin(
          table(b, 1)
            .filter((_k, v) => digit(v) > 2)
            .mapValues((v) => v.toUpperCase()),
          joined,
        )
        .to('out', Produced.with(S, S)),
  ],
  'table-table-join-through-getters': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .mapValues((v) => v.toUpperCase())
          .leftJoin(
            table(b, 1).filter((_k, v) => digit(v) % 2 === 0),
            joined,
          ),
      ),
  ],
  'stream-global-table-inner': [
    2,
    (b) =>
      stream(b, 0)
        .join(b.globalTable('in1', Consumed.with(S, S)), (_k, v) => (v === null ? null : v.slice(0, 1)), joined)
        .to('out', Produced.with(S, S)),
  ],
  'foreign-key-inner': [2, (b) => tableOut(table(b, 0).join(table(b, 1), (v) => v.slice(0, 1), joined))],
  'foreign-key-left': [2, (b) => tableOut(table(b, 0).leftJoin(table(b, 1), (v) => v.slice(0, 1), joined))],
  'table-join-regroup-count': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .join(table(b, 1), joined)
          .groupBy((_k, v) => KeyValue.pair(v.slice(0, 1), v), Grouped.with(S, S))
          .count(),
      ),
  ],
  'table-left-join-regroup-aggregate': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .leftJoin(table(b, 1), joined)
          .groupBy((_k, v) => KeyValue.pair(v.slice(-1), v), Grouped.with(S, S))
          .aggregate(
            () => '',
            (_k, v, agg) => agg + v[0]!,
            (_k, v, agg) => agg.replace(v[0]!, ''),
            Materialized.with(S, S),
          ),
      ),
  ],
  'table-filter-regroup-count': [
    1,
    (b) =>
      tableOut(
        table(b, 0)
          .filter((_k, v) => digit(v) >= 3)
          .groupBy((_k, v) => KeyValue.pair(v.slice(0, 1), v), Grouped.with(S, S))
          .count(),
      ),
  ],
  'count-filter': [1, (b) => tableOut(grouped(b).count().filter((_k, c) => c % 2 === 0))],
  'stream-join-reduced-table': [
    2,
    (b) =>
      stream(b, 0)
        .join(
          stream(b, 1)
            .groupByKey(Grouped.with(S, S))
            .reduce((x, y) => y.slice(0, 1) + x.length),
          joined,
        )
        .to('out', Produced.with(S, S)),
  ],
  'rekey-stream-table-join': [
    2,
    (b) =>
      stream(b, 0)
        .selectKey((k, v) => (v === null ? k : v.slice(0, 1)))
        .join(table(b, 1), joined)
        .to('out', Produced.with(S, S)),
  ],
  'counts-table-join': [2, (b) => tableOut(grouped(b).count().join(stream(b, 1).groupByKey(Grouped.with(S, S)).count(), (l, r) => `${l}/${r}`))],
  'windowed-count-regroup-reduce': [
    1,
    (b) =>
      tableOut(
        grouped(b)
          .windowedBy(TimeWindows.ofSizeAndGrace(10, 3))
          .count()
          .toStream()
          .map((k, c) => KeyValue.pair(String(k.window.start), `${k.key}${c}`))
          .groupByKey(Grouped.with(S, S))
          .reduce((x, y) => (x.length > 8 ? y : `${x}+${y}`)),
      ),
  ],
  'split-merge-count': [
    1,
    (b) => {
      const branches = stream(b, 0)
        .split(Named.as('s-'))
        .branch((_k, v) => v !== null && digit(v) < 3, Branched.withFunction((s) => s.mapValues((v) => v.toUpperCase()), 'low'))
        .branch((_k, v) => v !== null && digit(v) > 6, Branched.as('high'))
        .defaultBranch(Branched.as('rest'));
      tableOut(
        branches
          .get('s-low')!
          .merge(branches.get('s-high')!)
          .merge(
            branches
              .get('s-rest')!
              .filter((_k, v) => v !== null)
              .mapValues((v) => v.slice(0, 1)),
          )
          .groupBy((_k, v) => v.slice(0, 1), Grouped.with(S, S))
          .count(),
      );
    },
  ],
  'flatmap-reduce': [
    1,
    (b) =>
      tableOut(
        stream(b, 0)
          .flatMap((k, v) => (v === null ? [] : [KeyValue.pair(k + v[0]!, v), KeyValue.pair(v.slice(0, 1), k)]))
          .groupByKey(Grouped.with(S, S))
          .reduce((x, y) => (x.length > 6 ? y : x + y)),
      ),
  ],
  'foreign-key-join-regroup-count': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .join(table(b, 1), (v) => v.slice(0, 1), joined)
          .groupBy((_k, v) => KeyValue.pair(v.slice(-1), v), Grouped.with(S, S))
          .count(),
      ),
  ],
  'table-outer-join-suppress-emit-early': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .outerJoin(table(b, 1), joined)
          .suppress(Suppressed.untilTimeLimit(5, BufferConfig.maxRecords(3).emitEarlyWhenFull())),
      ),
  ],
  'stream-stream-self-join': [
    1,
    (b) => {
      const s = stream(b, 0);
      s.join(s, joined, JoinWindows.ofTimeDifferenceAndGrace(3, 2), StreamJoined.with(S, S, S)).to('out', Produced.with(S, S));
    },
  ],
  'to-table-join-materialized-mapvalues': [
    2,
    (b) =>
      tableOut(
        stream(b, 0)
          .toTable()
          .join(
            table(b, 1).mapValues((v) => `${v}!`, Materialized.with(S, S)),
            joined,
          ),
      ),
  ],
  'three-table-join': [
    3,
    (b) =>
      tableOut(
        table(b, 0)
          .join(table(b, 1), joined)
          .leftJoin(table(b, 2), joined),
      ),
  ],
  'table-to-stream-rekey-count': [
    1,
    (b) =>
      tableOut(
        table(b, 0)
          .toStream((k, v) => (v === null ? k : v.slice(0, 1)))
          .groupByKey(Grouped.with(S, S))
          .count(),
      ),
  ],
  'stream-table-left-join-regroup-reduce': [
    2,
    (b) =>
      tableOut(
        stream(b, 0)
          .leftJoin(table(b, 1), joined)
          .groupBy((_k, v) => v.slice(-1), Grouped.with(S, S))
          .reduce((x, y) => (x.length > 10 ? y : x + y)),
      ),
  ],
  'same-input-aggregates-join': [
    1,
    (b) => {
      const g = grouped(b);
      tableOut(g.count().join(g.reduce((_x, y) => y), (l, r) => `${l}/${r}`));
    },
  ],
  'same-input-aggregates-join-one-uncached': [
    1,
    (b) => {
      const g = grouped(b);
      tableOut(
        g
          .reduce((_x, y) => y, Materialized.with<string, string>(S, S).withCachingDisabled())
          .leftJoin(g.count(), (l, r) => `${l}/${r}`),
      );
    },
  ],
};
