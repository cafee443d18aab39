// Differential programs (see differential.test.ts): aggregations, tables, windows, suppression
// and caching. Each is the twin of the program of the same name in
// tools/java-reference/src/main/java/kstreams/reference/DifferentialPrograms.java.
import {
  BufferConfig,
  EmitStrategy,
  Grouped,
  JoinWindows,
  KeyValue,
  Materialized,
  Produced,
  PunctuationType,
  SessionWindows,
  SlidingWindows,
  StreamJoined,
  Suppressed,
  TimeWindows,
} from '../../../src/index.js';
import { L, S } from '../driver-helpers.js';
import {
  digit,
  grouped,
  joined,
  stream,
  table,
  tableOut,
  windowedOut,
  type Programs,
} from './helpers.js';
import { punctuatingCounter } from './processors.js';

export const WINDOW_AND_AGGREGATE_PROGRAMS: Programs = {
  'table-regroup-aggregate': [
    1,
    (b) =>
      tableOut(
        table(b, 0)
          .groupBy((_k, v) => KeyValue.pair(v.slice(0, 1), v), Grouped.with(S, S))
          .aggregate(
            () => 0,
            (_k, v, agg) => agg + digit(v),
            (_k, v, agg) => agg - digit(v),
            Materialized.with(S, L),
          ),
      ),
  ],
  'table-filter-mapvalues': [
    1,
    (b) =>
      tableOut(
        table(b, 0)
          .filter((_k, v) => digit(v) % 3 !== 0)
          .mapValues((v) => v.toUpperCase()),
      ),
  ],
  'stream-reduce': [1, (b) => tableOut(grouped(b).reduce((x, y) => x + y))],
  'tumbling-count-grace': [1, (b) => windowedOut(grouped(b).windowedBy(TimeWindows.ofSizeAndGrace(10, 5)).count())],
  'hopping-count-suppressed': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(TimeWindows.ofSizeAndGrace(10, 4).advanceBy(5))
          .count()
          .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())),
      ),
  ],
  'session-reduce-grace': [1, (b) => windowedOut(grouped(b).windowedBy(SessionWindows.ofInactivityGapAndGrace(4, 6)).reduce((x, y) => x + y))],
  'sliding-count-grace': [1, (b) => windowedOut(grouped(b).windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(8, 5)).count())],
  'session-count-suppressed': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(SessionWindows.ofInactivityGapAndGrace(4, 3))
          .count()
          .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())),
      ),
  ],
  'tumbling-count-on-window-close': [1, (b) => windowedOut(grouped(b).windowedBy(TimeWindows.ofSizeAndGrace(10, 2)).emitStrategy(EmitStrategy.onWindowClose()).count())],
  'sliding-count-on-window-close': [1, (b) => windowedOut(grouped(b).windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(8, 3)).emitStrategy(EmitStrategy.onWindowClose()).count())],
  'hopping-count-on-window-close': [
    1,
    (b) => windowedOut(grouped(b).windowedBy(TimeWindows.ofSizeAndGrace(10, 2).advanceBy(5)).emitStrategy(EmitStrategy.onWindowClose()).count()),
  ],
  'session-count-on-window-close': [1, (b) => windowedOut(grouped(b).windowedBy(SessionWindows.ofInactivityGapAndGrace(4, 3)).emitStrategy(EmitStrategy.onWindowClose()).count())],
  'cogroup-tumbling': [
    2,
    (b) =>
      windowedOut(
        grouped(b)
          .cogroup<string>((_k, v, agg) => agg + v)
          .cogroup(stream(b, 1).groupByKey(Grouped.with(S, S)), (_k, v, agg) => agg + String(v).toUpperCase())
          .windowedBy(TimeWindows.ofSizeAndGrace(10, 3))
          .aggregate(() => '', Materialized.with(S, S)),
      ),
  ],
  'cogroup-session': [
    2,
    (b) =>
      windowedOut(
        grouped(b)
          .cogroup<string>((_k, v, agg) => agg + v)
          .cogroup(stream(b, 1).groupByKey(Grouped.with(S, S)), (_k, v, agg) => agg + String(v).toUpperCase())
          .windowedBy(SessionWindows.ofInactivityGapAndGrace(4, 5))
          .aggregate(
            () => '',
            (_k, left, right) => `${left}|${right}`,
            Materialized.with(S, S),
          ),
      ),
  ],
  'sliding-reduce-suppressed': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(6, 4))
          .reduce((x, y) => x + y)
          .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())),
      ),
  ],
  'table-suppress-time-limit': [1, (b) => tableOut(table(b, 0).suppress(Suppressed.untilTimeLimit(6, BufferConfig.unbounded())))],
  'table-suppress-emit-early': [1, (b) => tableOut(table(b, 0).suppress(Suppressed.untilTimeLimit(8, BufferConfig.maxRecords(2).emitEarlyWhenFull())))],
  'table-regroup-reduce': [
    1,
    (b) =>
      tableOut(
        table(b, 0)
          .groupBy((k, v) => KeyValue.pair(v.slice(0, 1), k + v.slice(1)), Grouped.with(S, S))
          .reduce(
            (agg, v) => agg + v,
            (agg, v) => agg.replace(v, ''),
          ),
      ),
  ],
  'to-table-regroup-count': [
    1,
    (b) =>
      tableOut(
        stream(b, 0)
          .toTable()
          .groupBy((_k, v) => KeyValue.pair(v.slice(0, 1), v), Grouped.with(S, S))
          .count(),
      ),
  ],
  'select-key-count': [
    1,
    (b) =>
      tableOut(
        stream(b, 0)
          // A null key (from a null value) is dropped before the repartition, as in Java.
          .selectKey((_k, v) => (v === null ? (null as unknown as string) : v.slice(0, 1)))
          .groupByKey(Grouped.with(S, S))
          .count(),
      ),
  ],
  'merge-rekey-count': [
    2,
    (b) =>
      tableOut(
        stream(b, 0)
          .merge(stream(b, 1))
          .selectKey((_k, v) => (v === null ? (null as unknown as string) : v.slice(0, 1)))
          .groupByKey(Grouped.with(S, S))
          .count(),
      ),
  ],
  'tumbling-count-suppress-time-limit': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(TimeWindows.ofSizeAndGrace(10, 3))
          .count()
          .suppress(Suppressed.untilTimeLimit(4, BufferConfig.unbounded())),
      ),
  ],
  'stream-stream-outer-no-grace': [
    2,
    (b) => stream(b, 0).outerJoin(stream(b, 1), joined, JoinWindows.ofTimeDifferenceWithNoGrace(4), StreamJoined.with(S, S, S)).to('out', Produced.with(S, S)),
  ],
  'stream-time-punctuation': [1, (b) => stream(b, 0).process(punctuatingCounter(PunctuationType.STREAM_TIME, 5, 'p')).to('out', Produced.with(S, S))],
  'hopping-aggregate-filter-suppressed': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(TimeWindows.ofSizeAndGrace(8, 2).advanceBy(4))
          .aggregate(() => '', (_k, v, agg) => agg + (v === null ? '_' : v.slice(0, 1)), Materialized.with(S, S))
          .filter((_k, v) => v.length % 2 === 1)
          .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())),
      ),
  ],
  'cogroup-aggregate': [
    2,
    (b) =>
      tableOut(
        grouped(b)
          .cogroup<string>((_k, v, agg) => agg + v)
          .cogroup(stream(b, 1).groupByKey(Grouped.with(S, S)), (_k, v, agg) => (agg.length > 6 ? String(v) : agg + v))
          .aggregate(() => '', Materialized.with(S, S)),
      ),
  ],
  'stream-aggregate-nulls': [
    1,
    (b) => tableOut(grouped(b).aggregate(() => '', (_k, v, agg) => (agg.length > 5 ? '' : agg) + (v === null ? '_' : v.slice(1)), Materialized.with(S, S))),
  ],
  'sliding-aggregate': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(5, 3))
          .aggregate(() => '', (_k, v, agg) => agg + (v === null ? '_' : v.slice(0, 1)), Materialized.with(S, S)),
      ),
  ],
  'flatmapvalues-count-cached': [
    1,
    (b) =>
      tableOut(
        stream(b, 0)
          .flatMapValues((v) => (v === null ? [] : [v, v.toUpperCase(), v]))
          .groupByKey(Grouped.with(S, S))
          .count(),
      ),
  ],
  'flatmapvalues-count-uncached': [
    1,
    (b) =>
      tableOut(
        stream(b, 0)
          .flatMapValues((v) => (v === null ? [] : [v, v.toUpperCase(), v]))
          .groupByKey(Grouped.with(S, S))
          .count(Materialized.with<string, number>(S, L).withCachingDisabled()),
      ),
  ],
  'flatmapvalues-tumbling-count-cached': [
    1,
    (b) =>
      windowedOut(
        stream(b, 0)
          .flatMapValues((v) => (v === null ? [] : [v, v]))
          .groupByKey(Grouped.with(S, S))
          .windowedBy(TimeWindows.ofSizeAndGrace(10, 3))
          .count(),
      ),
  ],
  'repartition-count': [1, (b) => tableOut(stream(b, 0).repartition().groupByKey(Grouped.with(S, S)).count())],
  'session-count-suppress-time-limit': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(SessionWindows.ofInactivityGapAndGrace(4, 3))
          .count()
          .suppress(Suppressed.untilTimeLimit(5, BufferConfig.maxRecords(2).emitEarlyWhenFull())),
      ),
  ],
};
