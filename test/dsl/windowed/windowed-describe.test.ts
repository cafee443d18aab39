// Ports of the windowed programs in tools/java-reference (Programs.java `suppress-session`,
// WindowedPrograms.java), compared with Java's describe() text in test/fixtures/java-describe/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Duration } from 'luxon';
import {
  BufferConfig,
  Consumed,
  EmitStrategy,
  Grouped,
  KeyValue,
  Materialized,
  Produced,
  SessionWindows,
  SlidingWindows,
  StreamBuilder,
  Suppressed,
  TimeWindows,
  type Windowed,
} from '../../../src/index.js';
import type { Topology } from '../../../src/topology/topology.js';
import { buildFiveMinuteAggregates, buildMinuteClickCounts, buildSessionCounts } from '../../../examples/windowed-aggregations.js';
import { L, S, STRING_DEFAULTS } from '../driver-helpers.js';

const programs: { readonly [name: string]: () => Topology } = {
  'suppress-session': () => {
    const builder = new StreamBuilder();
    builder
      .stream('input', Consumed.with(S, S))
      .groupBy((k: string) => k, Grouped.with(S, S))
      .windowedBy(SessionWindows.ofInactivityGapAndGrace(5, 5))
      .count(Materialized.as<string, number>('counts').withCachingDisabled())
      .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
      .toStream()
      .map((k: Windowed<string>, v) => KeyValue.pair(k.toString(), v))
      .to('output-suppressed', Produced.with(S, L));
    return builder.build(STRING_DEFAULTS);
  },
  'article-minute-click-counts': buildMinuteClickCounts,
  'article-five-minute-aggregates': buildFiveMinuteAggregates,
  'article-session-counts': buildSessionCounts,
  'windowed-unnamed': () => {
    const builder = new StreamBuilder();
    const grouped = builder
      .stream('in', Consumed.with(S, S))
      .selectKey((_k, v) => v)
      .groupByKey(Grouped.with(S, S));
    grouped.windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count(Materialized.with(S, L)).toStream().to('out-time');
    grouped
      .windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(10))
      .count(Materialized.with(S, L))
      .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName('final'))
      .toStream()
      .to('out-sliding');
    grouped
      .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(10))
      .reduce((a, b) => a + b)
      .toStream()
      .to('out-session');
    grouped
      .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.fromMillis(10)))
      .emitStrategy(EmitStrategy.onWindowClose())
      .aggregate(() => '', (_k, v, agg: string) => agg + v)
      .toStream()
      .to('out-final');
    return builder.build(STRING_DEFAULTS);
  },
  'windowed-cogroup': () => {
    const builder = new StreamBuilder();
    const a = builder.stream('in-a', Consumed.with(S, S)).groupByKey();
    const b = builder.stream('in-b', Consumed.with(S, S)).groupByKey();
    a.cogroup<number>((_k, _v, agg) => agg + 1)
      .cogroup(b, (_k, _v, agg) => agg + 10)
      .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
      .aggregate(() => 0, Materialized.with(S, L))
      .toStream()
      .to('out');
    return builder.build(STRING_DEFAULTS);
  },
};

describe('describe() of windowed programs equals Java 4.4', () => {
  for (const [name, build] of Object.entries(programs)) {
    it(name, () => {
      expect(build().describe().toString()).toBe(readFileSync(new URL(`../../fixtures/java-describe/${name}.txt`, import.meta.url), 'utf8'));
    });
  }
});
