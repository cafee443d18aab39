import { describe, expect, it } from 'vitest';
import { EmitStrategy, Materialized, SessionWindows, SlidingWindows, TimeWindows } from '../../../src/dsl/index.js';
import { collect, driverFor, S } from '../driver-helpers.js';
import { windowedDriver, windowedTopology } from './windowed-helpers.js';

// Expected outputs are Java 4.4's TopologyTestDriver output for the same records
// (tools/java-reference/windowed-behaviour.sh), with Kafka's emit interval set to 0.
describe('emitStrategy(onWindowClose)', () => {
  it('time windows: one result per closed window, nothing on update', async () => {
    const t = windowedTopology((g) => g.windowedBy(TimeWindows.ofSizeAndGrace(10, 5)).emitStrategy(EmitStrategy.onWindowClose()).count());
    const { pipe, out } = windowedDriver(t, false);
    await pipe('a@0 b@5 a@9 a@12 a@7');
    expect(out()).toEqual([]);
    // stream time 15 = end 10 + grace 5: [0,10) is final
    await pipe('a@15');
    expect(out()).toEqual(['[a@0/10] 3 @9', '[b@0/10] 1 @5']);
    // a@30 moves the store's retention (size + grace = 15) past [10,20) before it is read, as in Kafka
    await pipe('b@16 a@30');
    expect(out()).toEqual([]);
  });

  it('sliding windows: windows are emitted once stream time passes end (inclusive) + grace', async () => {
    const t = windowedTopology((g) => g.windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(10)).emitStrategy(EmitStrategy.onWindowClose()).count());
    const { pipe, out } = windowedDriver(t, false);
    await pipe('a@10');
    expect(out()).toEqual([]);
    // stream time 15: [0,10] ends before 15 - 0
    await pipe('a@15');
    expect(out()).toEqual(['[a@0/10] 1 @10']);
    await pipe('a@18');
    expect(out()).toEqual(['[a@5/15] 2 @15']);
    await pipe('a@30');
    expect(out()).toEqual(['[a@8/18] 3 @18', '[a@11/21] 2 @18', '[a@16/26] 1 @18']);
    await pipe('a@45');
    expect(out()).toEqual(['[a@20/30] 1 @30']);
  });

  it('sliding windows: a window expired in the time-ordered store is not a neighbour any more', async () => {
    // Retention 2 * 8 + 3 = 19. The store's time is its latest window start: c@98 makes c's
    // right window [98,106], so a's [78,86] (start 78 < 98 - 19) reads as gone, as in Java.
    const t = windowedTopology((g) => g.windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(8, 3)).emitStrategy(EmitStrategy.onWindowClose()).count());
    const { pipe, out } = windowedDriver(t, false);
    await pipe('a@86 c@97');
    expect(out()).toEqual(['[a@78/86] 1 @86']);
    // a@94 (late, close time 95) would extend a@86's right window [87,95] if [78,86] were read
    await pipe('c@98 a@94 c@110');
    expect(out()).toEqual(['[c@89/97] 1 @97', '[c@90/98] 2 @98', '[c@98/106] 1 @98']);
  });

  it('session windows: sessions are emitted once stream time passes end + gap + grace', async () => {
    const t = windowedTopology((g) =>
      g.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5)).emitStrategy(EmitStrategy.onWindowClose()).count(Materialized.as('sessions')),
    );
    const { pipe, out } = windowedDriver(t, false);
    await pipe('a@0 a@3 b@4');
    expect(out()).toEqual([]);
    // stream time 12: sessions ending before 12 - 5 = 7 are closed
    await pipe('a@12');
    expect(out()).toEqual(['[a@0/3] 2 @3', '[b@4/4] 1 @4']);
    await pipe('b@30');
    expect(out()).toEqual(['[a@12/12] 1 @12']);
    await pipe('a@31');
    expect(out()).toEqual([]);
  });

  it('looks for closed windows at most once per emit interval of wall-clock time', async () => {
    const t = windowedTopology((g) => g.windowedBy(TimeWindows.ofSizeWithNoGrace(10)).emitStrategy(EmitStrategy.onWindowClose()).count());
    const driver = driverFor(t, { defaultKeySerde: S, defaultValueSerde: S, cacheMaxBytes: 0, emitIntervalMsKstreamsWindowedAggregation: 1000 });
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    const out = collect(driver, 'out');
    await input.pipeInput('a', 'a', 0); // the first check runs now (and finds nothing closed)
    await input.pipeInput('a', 'a', 10); // closes [0,10), but the driver's clock has not moved
    expect(out()).toEqual([]);
    await driver.advanceWallClockTime(1000);
    await input.pipeInput('b', 'b', 11);
    expect(out()).toEqual(['[a@0/10] 1 @0']);
  });

  it('looks on every record in the test driver, whose clock is mocked (as Java\'s driver does)', async () => {
    const t = windowedTopology((g) => g.windowedBy(TimeWindows.ofSizeWithNoGrace(10)).emitStrategy(EmitStrategy.onWindowClose()).count());
    const driver = driverFor(t, { defaultKeySerde: S, defaultValueSerde: S, cacheMaxBytes: 0 });
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    const out = collect(driver, 'out');
    await input.pipeInput('a', 'a', 0);
    await input.pipeInput('a', 'a', 10); // closes [0,10) with the clock standing still
    expect(out()).toEqual(['[a@0/10] 1 @0']);
  });
});
