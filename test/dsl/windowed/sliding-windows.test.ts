import { describe, expect, it } from 'vitest';
import { SlidingWindows } from '../../../src/dsl/index.js';
import { windowedDriver, windowedTopology } from './windowed-helpers.js';

// Expected outputs are Java 4.4's TopologyTestDriver output for the same records
// (tools/java-reference/windowed-behaviour.sh). Sliding windows are [start, end], both inclusive.
describe('sliding windows (time difference 10, grace 5)', () => {
  const topology = () => windowedTopology((g) => g.windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(10, 5)).count());

  for (const cache of [true, false]) {
    it(`creates left and right windows per record, updates windows within grace, drops late ones (cache ${cache ? 'on' : 'off'})`, async () => {
      const { driver, pipe, out } = windowedDriver(topology(), cache);
      // a@5 is before the time difference: it goes into [0,10]
      await pipe('a@5');
      expect(out()).toEqual(['[a@0/10] 1 @5']);
      // a@12: the right window of a@5 is [6,16]; its own window [2,12] also holds a@5
      await pipe('a@12');
      expect(out()).toEqual(['[a@6/16] 1 @12', '[a@2/12] 2 @12']);
      await pipe('a@15');
      expect(out()).toEqual(['[a@6/16] 2 @15', '[a@13/23] 1 @15', '[a@5/15] 3 @15']);
      // a@8 arrives out of order (stream time 15, windows close at end + 5): it joins every window containing 8
      await pipe('a@8');
      expect(out()).toEqual(['[a@2/12] 3 @12', '[a@5/15] 4 @15', '[a@6/16] 3 @15', '[a@9/19] 2 @15', '[a@0/10] 2 @8']);
      // a@30 closes everything up to end 25: a@14's window [4,14] is closed, so a@14 is dropped
      await pipe('a@30 a@14');
      expect(out()).toEqual(['[a@20/30] 1 @30']);
      expect(driver.metrics.droppedRecordsTotal).toBe(1);
      // a@26 at stream time 40: only its right window [27,37] is still open (3 windows dropped)
      await pipe('a@40 a@26');
      expect(out()).toEqual(['[a@31/41] 1 @40', '[a@30/40] 2 @40', '[a@27/37] 1 @30']);
      expect(driver.metrics.droppedRecordsTotal).toBe(4);
    });
  }

  it('includes both ends: records exactly 10 apart share a window', async () => {
    const { pipe, out } = windowedDriver(topology());
    // a@20's window [10,20] includes a@10; a@10's right window [11,21] starts after it
    await pipe('a@10 a@20');
    expect(out()).toEqual(['[a@0/10] 1 @10', '[a@11/21] 1 @20', '[a@10/20] 2 @20']);
  });
});
