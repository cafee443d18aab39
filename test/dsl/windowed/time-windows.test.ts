import { describe, expect, it } from 'vitest';
import { Materialized, TimeWindows } from '../../../src/dsl/index.js';
import { Serdes } from '../../../src/serdes/serdes.js';
import { windowedDriver, windowedTopology } from './windowed-helpers.js';

// Expected outputs are Java 4.4's TopologyTestDriver output for the same records
// (tools/java-reference/windowed-behaviour.sh).
describe('tumbling windows (size 10, grace 5)', () => {
  const topology = () => windowedTopology((g) => g.windowedBy(TimeWindows.ofSizeAndGrace(10, 5)).count());

  for (const cache of [true, false]) {
    it(`counts in order, out of order within grace, drops late records (cache ${cache ? 'on' : 'off'})`, async () => {
      const { driver, pipe, out } = windowedDriver(topology(), cache);
      // in order: [0,10) gets a@0 b@5 a@9; a@10 opens [10,20) (start inclusive, end exclusive)
      await pipe('a@0 b@5 a@9 a@10');
      expect(out()).toEqual(['[a@0/10] 1 @0', '[b@0/10] 1 @5', '[a@0/10] 2 @9', '[a@10/20] 1 @10']);
      // a@7: stream time 10, [0,10) closes at 10 + 5 = 15: still open; the result keeps the max timestamp (9)
      await pipe('a@7');
      expect(out()).toEqual(['[a@0/10] 3 @9']);
      // a@16: stream time 16 > 15 closes [0,10); a@3 is late: dropped and counted
      await pipe('a@16 a@3');
      expect(out()).toEqual(['[a@10/20] 2 @16']);
      expect(driver.metrics.droppedRecordsTotal).toBe(1);
      // a@19 is the last instant of [10,20); a@20 the first of [20,30)
      await pipe('a@19 a@20');
      expect(out()).toEqual(['[a@10/20] 3 @19', '[a@20/30] 1 @20']);
    });
  }

  it('keeps counts in a queryable window store', async () => {
    const t = windowedTopology((g) => g.windowedBy(TimeWindows.ofSizeAndGrace(10, 5)).count(Materialized.as('counts')));
    const { driver, pipe } = windowedDriver(t);
    await pipe('a@0 a@3 b@4 a@12');
    const store = driver.getWindowStore<string, number>('counts');
    expect(store.fetch('a', 0)).toBe(2);
    expect(store.fetch('a', 10)).toBe(1);
    expect([...store.fetch('a', 0, 20)].map((kv) => `${kv.key}=${kv.value}`)).toEqual(['0=2', '10=1']);
    // Key by key within a segment, as Kafka's RocksDB window store iterates.
    expect([...store.all()].map((kv) => `${kv.key.toString()}=${kv.value}`)).toEqual(['[a@0/10]=2', '[a@10/20]=1', '[b@0/10]=1']);
    expect(driver.getTimestampedWindowStore<string, number>('counts').fetch('a', 0)).toEqual({ value: 2, timestamp: 3 });
  });
});

describe('hopping windows (size 10, advance 5, no grace)', () => {
  const topology = () => windowedTopology((g) => g.windowedBy(TimeWindows.ofSizeWithNoGrace(10).advanceBy(5)).count());

  for (const cache of [true, false]) {
    it(`updates every window containing the record; late records dropped (cache ${cache ? 'on' : 'off'})`, async () => {
      const { driver, pipe, out } = windowedDriver(topology(), cache);
      // a@7 falls into [0,10) and [5,15)
      await pipe('a@0 a@7');
      expect(out()).toEqual(['[a@0/10] 1 @0', '[a@0/10] 2 @7', '[a@5/15] 1 @7']);
      // a@12: [5,15) and [10,20); stream time 12 closed [0,10), so a@3 is dropped
      await pipe('a@12 a@3');
      expect(out()).toEqual(['[a@5/15] 2 @12', '[a@10/20] 1 @12']);
      expect(driver.metrics.droppedRecordsTotal).toBe(1);
      await pipe('a@14 a@15');
      expect(out()).toEqual(['[a@5/15] 3 @14', '[a@10/20] 2 @14', '[a@10/20] 3 @15', '[a@15/25] 1 @15']);
    });
  }

  it('reduces and aggregates per window', async () => {
    const reduced = windowedDriver(windowedTopology((g) => g.windowedBy(TimeWindows.ofSizeWithNoGrace(10).advanceBy(5)).reduce((a, v) => `${a}+${v}`)));
    await reduced.pipe('a@1 b@6 a@8');
    expect(reduced.out()).toEqual(['[a@0/10] a @1', '[b@0/10] b @6', '[b@5/15] b @6', '[a@0/10] a+a @8', '[a@5/15] a @8']);
    const lengths = windowedDriver(
      windowedTopology((g) =>
        g
          .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
          .aggregate(() => 0, (_k, v, total: number) => total + v.length, Materialized.as<string, number>('lengths').withValueSerde(Serdes.Long())),
      ),
    );
    await lengths.pipe('ab@2 ab@4 c@12');
    expect(lengths.out()).toEqual(['[ab@0/10] 2 @2', '[ab@0/10] 4 @4', '[c@10/20] 1 @12']);
  });
});

describe('windowed cogroup', () => {
  it('aggregates every input into one window store (Java: 101 @0, 102 @4, 101 @11)', async () => {
    const t = windowedTopology((g) =>
      g
        .cogroup<number>((_k, _v, agg) => agg + 1)
        .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
        .aggregate(() => 100, Materialized.as<string, number>('cg').withValueSerde(Serdes.Long())),
    );
    const { pipe, out } = windowedDriver(t, false);
    await pipe('a@0 a@4 a@11');
    expect(out()).toEqual(['[a@0/10] 101 @0', '[a@0/10] 102 @4', '[a@10/20] 101 @11']);
  });
});
