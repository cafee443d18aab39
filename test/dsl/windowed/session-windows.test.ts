import { describe, expect, it } from 'vitest';
import { Materialized, SessionWindows } from '../../../src/dsl/index.js';
import { windowedDriver, windowedTopology } from './windowed-helpers.js';

// Expected outputs are Java 4.4's TopologyTestDriver output for the same records
// (tools/java-reference/windowed-behaviour.sh). Sessions are [start, end], both inclusive.
describe('session windows (gap 5, no grace)', () => {
  const topology = () => windowedTopology((g) => g.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5)).count());

  it('merges records within the gap, tombstones replaced sessions, splits by gap (cache off)', async () => {
    const { driver, pipe, out } = windowedDriver(topology(), false);
    await pipe('a@0');
    expect(out()).toEqual(['[a@0/0] 1 @0']);
    // a@3 is within 5 of a@0: [0,0] is replaced by [0,3] (tombstone first)
    await pipe('a@3');
    expect(out()).toEqual(['[a@0/0] null @0', '[a@0/3] 2 @3']);
    // a@10 is 7 after a@3: a new session
    await pipe('a@10');
    expect(out()).toEqual(['[a@10/10] 1 @10']);
    // a@6 bridges both, but [0,3] already left the store (retention = gap + grace = 5 behind stream time 10)
    await pipe('a@6 b@7');
    expect(out()).toEqual(['[a@10/10] null @10', '[a@6/10] 2 @10', '[b@7/7] 1 @7']);
    // stream time 30: sessions must end at or after 30 - 5 = 25; a@20 is dropped
    await pipe('a@30 a@20');
    expect(out()).toEqual(['[a@30/30] 1 @30']);
    expect(driver.metrics.droppedRecordsTotal).toBe(1);
    await pipe('a@25 a@24');
    expect(out()).toEqual(['[a@30/30] null @30', '[a@25/30] 2 @30', '[a@25/30] null @30', '[a@24/30] 3 @30']);
  });

  it('with the cache on, a session still in the cache is merged (as in Kafka)', async () => {
    const { pipe, out } = windowedDriver(topology(), true);
    await pipe('a@0 a@3 a@10');
    expect(out()).toEqual(['[a@0/0] 1 @0', '[a@0/0] null @0', '[a@0/3] 2 @3', '[a@10/10] 1 @10']);
    // [0,3] expired in the store but is still cached: it is merged, and its tombstone is
    // not sent (the store below no longer has it)
    await pipe('a@6');
    expect(out()).toEqual(['[a@10/10] null @10', '[a@0/10] 4 @10']);
  });

  it('reduces sessions and merges with grace (gap 5, grace 10)', async () => {
    const t = windowedTopology((g) => g.windowedBy(SessionWindows.ofInactivityGapAndGrace(5, 10)).reduce((x, y) => `${x}+${y}`));
    for (const cache of [true, false]) {
      const { pipe, out } = windowedDriver(t, cache);
      await pipe('a@0 a@4 a@20 a@12 a@16');
      expect(out()).toEqual([
        '[a@0/0] a @0',
        '[a@0/0] null @0',
        '[a@0/4] a+a @4',
        '[a@20/20] a @20',
        '[a@12/12] a @12',
        '[a@12/12] null @12',
        '[a@20/20] null @20',
        '[a@12/20] a+a+a @20',
      ]);
    }
  });

  it('merges a record exactly one gap after a session (boundary) and keeps sessions queryable', async () => {
    const t = windowedTopology((g) => g.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5)).count(Materialized.as('sessions')));
    const { driver, pipe, out } = windowedDriver(t, false);
    await pipe('a@0 a@3 b@4 a@8');
    expect(out()).toEqual(['[a@0/0] 1 @0', '[a@0/0] null @0', '[a@0/3] 2 @3', '[b@4/4] 1 @4', '[a@0/3] null @3', '[a@0/8] 3 @8']);
    const store = driver.getSessionStore<string, number>('sessions');
    expect([...store.fetch('a')].map((kv) => `${kv.key.toString()}=${kv.value}`)).toEqual(['[a@0/8]=3']);
    expect(store.fetchSession('b', 4, 4)).toBe(1);
    // a@14 is 6 after a@8: a new session
    await pipe('a@14');
    expect(out()).toEqual(['[a@14/14] 1 @14']);
  });
});
