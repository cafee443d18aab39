import { describe, expect, it } from 'vitest';
import {
  BufferConfig,
  Consumed,
  Grouped,
  Materialized,
  Produced,
  SessionWindows,
  StreamBuilder,
  Suppressed,
  TimeWindows,
} from '../../../src/dsl/index.js';
import { S, STRING_DEFAULTS } from '../driver-helpers.js';
import { windowedDriver, windowedTopology } from './windowed-helpers.js';

// Expected outputs are Java 4.4's TopologyTestDriver output for the same records
// (tools/java-reference/windowed-behaviour.sh).
describe('suppress(untilWindowCloses)', () => {
  it('emits exactly one final result per window, once stream time passes end + grace', async () => {
    const t = windowedTopology((g) =>
      g.windowedBy(TimeWindows.ofSizeAndGrace(10, 5)).count().suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())),
    );
    const { pipe, out } = windowedDriver(t);
    await pipe('a@0 b@5 a@9 a@12 a@7 a@14');
    // [0,10) closes at 10 + 5 = 15: nothing yet, a@7 was still counted
    expect(out()).toEqual([]);
    await pipe('a@15');
    expect(out()).toEqual(['[a@0/10] 3 @9', '[b@0/10] 1 @5']);
    await pipe('b@16');
    expect(out()).toEqual([]);
    await pipe('a@30');
    expect(out()).toEqual(['[a@10/20] 3 @15', '[b@10/20] 1 @16']);
  });

  it('emits final sessions and drops the tombstones of merged ones (gap 5, grace 5)', async () => {
    const t = windowedTopology((g) =>
      g
        .windowedBy(SessionWindows.ofInactivityGapAndGrace(5, 5))
        .count(Materialized.as<string, number>('counts').withCachingDisabled())
        .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())),
    );
    const { pipe, out } = windowedDriver(t, false);
    // A session closes at end + gap + grace = end + 10
    await pipe('a@0 a@3 b@4 a@12');
    expect(out()).toEqual([]);
    await pipe('a@13');
    expect(out()).toEqual(['[a@0/3] 2 @3']);
    await pipe('a@19 b@25');
    expect(out()).toEqual(['[b@4/4] 1 @4', '[a@12/13] 2 @13']);
    await pipe('a@40');
    expect(out()).toEqual(['[a@19/19] 1 @19', '[b@25/25] 1 @25']);
  });

  it('names the node and its buffer store (<name>-store) with withName', async () => {
    const t = windowedTopology((g) =>
      g.windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count().suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName('final')),
    );
    expect(t.describe().toString()).toContain('Processor: final (stores: [final-store])');
    const { pipe, out } = windowedDriver(t, false);
    await pipe('a@0 b@1 a@2 c@3');
    expect(out()).toEqual([]);
    // Same window end: emitted in key order
    await pipe('a@20');
    expect(out()).toEqual(['[a@0/10] 2 @2', '[b@0/10] 1 @1', '[c@0/10] 1 @3']);
  });

  it('rejects a table that is not windowed', () => {
    const builder = new StreamBuilder();
    const counts = builder.stream('in', Consumed.with(S, S)).groupByKey(Grouped.with(S, S)).count();
    expect(() => counts.suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()) as never)).toThrow(/only defined for windowed computations/);
  });
});

describe('suppress(untilTimeLimit)', () => {
  it('emits the latest update per key once stream time is 5 past the first buffered record', async () => {
    const builder = new StreamBuilder();
    builder
      .stream('in', Consumed.with(S, S))
      .groupByKey(Grouped.with(S, S))
      .count(Materialized.as<string, number>('c').withCachingDisabled())
      .suppress(Suppressed.untilTimeLimit(5, BufferConfig.unbounded()))
      .toStream()
      .mapValues((v) => String(v))
      .to('out', Produced.with(S, S));
    const { pipe, out } = windowedDriver(builder.build(STRING_DEFAULTS), false);
    // a's timer starts at 0 and is not reset by a@2
    await pipe('a@0 a@2 b@3');
    expect(out()).toEqual([]);
    await pipe('a@6');
    expect(out()).toEqual(['a 3 @6']);
    await pipe('c@8');
    expect(out()).toEqual(['b 1 @3']);
    await pipe('c@20');
    expect(out()).toEqual(['c 2 @20']);
  });

  it('emits early when the buffer is full (emitEarlyWhenFull), or fails (shutDownWhenFull)', async () => {
    const program = (config: ReturnType<typeof BufferConfig.maxRecords> | ReturnType<typeof BufferConfig.unbounded>) =>
      windowedTopology((g) => g.windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count().suppress(Suppressed.untilTimeLimit(100, config)));
    const early = windowedDriver(program(BufferConfig.maxRecords(1)), false);
    await early.pipe('a@0 b@1 a@2');
    expect(early.out()).toEqual(['[a@0/10] 1 @0', '[b@0/10] 1 @1']);
    const strict = windowedDriver(program(BufferConfig.maxRecords(1).shutDownWhenFull()), false);
    await strict.pipe('a@0');
    await expect(strict.pipe('b@1')).rejects.toThrow(/exceeded its max capacity/);
  });
});
