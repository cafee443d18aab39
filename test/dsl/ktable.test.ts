import { describe, expect, it } from 'vitest';
import { Consumed, Grouped, Materialized, Named, Produced, StreamBuilder } from '../../src/dsl/index.js';
import { KeyValue } from '../../src/state/key-value.js';
import { collect, driverFor, L, S, STRING_DEFAULTS } from './driver-helpers.js';

// Expected outputs were produced by Java's TopologyTestDriver (test/dsl/java/Behaviour.java).
describe('KTable', () => {
  for (const materialized of [false, true]) {
    it(`filter turns a failing update into a tombstone (${materialized ? 'materialized source: old values on' : 'source not materialized'})`, async () => {
      const b = new StreamBuilder();
      const t = materialized
        ? b.table('t', Consumed.with(S, S), Materialized.as<string, string>('ts').withCachingDisabled())
        : b.table('t', Consumed.with(S, S));
      t.filter((_k, v) => Number(v) > 1).toStream().to('out');
      const driver = driverFor(b.build(STRING_DEFAULTS));
      const out = collect(driver, 'out');
      const input = driver.createInputTopic('t', S.serializer(), S.serializer());
      const records: [string | null, string | null, number][] = [['a', '1', 1], ['a', '2', 2], ['a', '0', 3], ['b', '5', 4], ['b', null, 5], ['c', '0', 6], [null, '9', 7]];
      for (const [k, v, ts] of records) await input.pipeInput(k, v, ts);
      // With old values, an update that was filtered out before and still is sends nothing.
      expect(out()).toEqual(
        materialized
          ? ['a 2 @2', 'a null @3', 'b 5 @4', 'b null @5']
          : ['a null @1', 'a 2 @2', 'a null @3', 'b 5 @4', 'b null @5', 'c null @6'],
      );
    });
  }

  it('groupBy re-keys rows: subtractor on the old key first, then adder on the new key', async () => {
    const b = new StreamBuilder();
    const t = b.table<string, string>('t');
    t.groupBy((k, v) => KeyValue.pair(v, k)).count().toStream().to('count', Produced.with(S, L));
    t.groupBy((k, v) => KeyValue.pair(v, k))
      .reduce((a, v) => `${a}+${v}`, (a, v) => `${a}-${v}`)
      .toStream()
      .to('reduce');
    t.groupBy((_k, v) => KeyValue.pair(v.slice(0, 1), v))
      .aggregate(() => '', (_k, v, a) => `${a}+${v}`, (_k, v, a) => `${a}-${v}`)
      .toStream()
      .to('agg');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const count = collect(driver, 'count', L.deserializer());
    const reduce = collect(driver, 'reduce');
    const agg = collect(driver, 'agg');
    const input = driver.createInputTopic('t', S.serializer(), S.serializer());
    await input.pipeInput('k1', 'A', 10);
    await input.pipeInput('k2', 'A', 20);
    await input.pipeInput('k1', 'B', 15);
    await input.pipeInput('k2', null, 30);
    await input.pipeInput('k1', 'Bx', 40);
    expect(count()).toEqual(['A 1 @10', 'A 2 @20', 'A 1 @20', 'B 1 @15', 'A 0 @30', 'B 0 @40', 'Bx 1 @40']);
    expect(reduce()).toEqual(['A k1 @10', 'A k1+k2 @20', 'A k1+k2-k1 @20', 'B k1 @15', 'A k1+k2-k1-k2 @30', 'B k1-k1 @40', 'Bx k1 @40']);
    // Same new and old key (B -> Bx both select "B"): one repartition record carries both values.
    expect(agg()).toEqual(['A +A @10', 'A +A+A @20', 'A +A+A-A @20', 'B +B @15', 'A +A+A-A-A @30', 'B +B-B+Bx @40']);
  });

  it('groupBy through mapValues and filter (old values flow through unmaterialized operators)', async () => {
    const b = new StreamBuilder();
    b.table<string, string>('t', Consumed.with(S, S))
      .mapValues((v) => v.toUpperCase())
      .filter((_k, v) => !v.startsWith('X'))
      .groupBy((k, v) => KeyValue.pair(v, k), Grouped.with(S, S))
      .count()
      .toStream()
      .to('out', Produced.with(S, L));
    const driver = driverFor(b.build());
    const out = collect(driver, 'out', L.deserializer());
    const input = driver.createInputTopic('t', S.serializer(), S.serializer());
    const records: [string, string, number][] = [['k1', 'a', 1], ['k2', 'a', 2], ['k1', 'x', 3], ['k2', 'b', 4], ['k1', 'b', 5]];
    for (const [k, v, ts] of records) await input.pipeInput(k, v, ts);
    expect(out()).toEqual(['A 1 @1', 'A 2 @2', 'A 1 @3', 'A 0 @4', 'B 1 @4', 'B 2 @5']);
  });

  it('groupBy materializes an unnamed source table (its generated store appears)', () => {
    const b = new StreamBuilder();
    b.table('users', Consumed.with(S, S))
      .groupBy((_k, region) => KeyValue.pair(region, region), Grouped.with(S, S))
      .count()
      .toStream()
      .to('region-counts', Produced.with(S, L));
    const text = b.build().describe().toString();
    expect(text).toContain('Processor: KTABLE-SOURCE-0000000002 (stores: [users-STATE-STORE-0000000000])');
  });

  it('mapValues maps values, keeps tombstones; materialized under a name it is queryable', async () => {
    const b = new StreamBuilder();
    const table = b
      .table<string, string>('t', Consumed.with(S, S))
      .mapValues((v, k) => `${k}:${v.length}`, Named.as('lengths'), Materialized.as<string, string>('lengths-store').withValueSerde(S).withCachingDisabled());
    expect(table.queryableStoreName()).toBe('lengths-store');
    table.toStream().to('out', Produced.with(S, S));
    const driver = driverFor(b.build());
    const out = collect(driver, 'out');
    const input = driver.createInputTopic('t', S.serializer(), S.serializer());
    await input.pipeInput('a', 'xyz', 1);
    await input.pipeInput('a', null, 2);
    await input.pipeInput('b', 'q', 3);
    expect(out()).toEqual(['a a:3 @1', 'a null @2', 'b b:1 @3']);
    const store = driver.getKeyValueStore<string, string>('lengths-store');
    expect([store.get('a'), store.get('b')]).toEqual([null, 'b:1']);
  });

  it('toStream(mapper) re-keys the updates (a tombstone too), as toStream().selectKey(mapper)', async () => {
    const b = new StreamBuilder();
    b.table<string, string>('t', Consumed.with(S, S))
      .toStream((k, v) => `${k}/${v ?? 'deleted'}`)
      .to('out', Produced.with(S, S));
    const driver = driverFor(b.build());
    const out = collect(driver, 'out');
    const input = driver.createInputTopic('t', S.serializer(), S.serializer());
    await input.pipeInput('a', 'x', 1);
    await input.pipeInput('a', null, 2);
    expect(out()).toEqual(['a/x x @1', 'a/deleted null @2']);
  });

  it('a materialized source with caching emits once per key per commit; table() drops null keys', async () => {
    const b = new StreamBuilder();
    const t = b.table('t', Consumed.with(S, S), Materialized.as('cached'));
    expect(t.queryableStoreName()).toBe('cached');
    t.toStream().to('out', Produced.with(S, S));
    const driver = driverFor(b.build());
    const out = collect(driver, 'out');
    const input = driver.createInputTopic('t', S.serializer(), S.serializer());
    await input.pipeInput('a', '1', 1);
    await input.pipeInput(null, '2', 2);
    await input.pipeInput('a', '3', 3);
    expect(out()).toEqual(['a 1 @1', 'a 3 @3']);
    expect(driver.getKeyValueStore<string, string>('cached').get('a')).toBe('3');
  });

  it('an unnamed table is not queryable and adds no store', () => {
    const b = new StreamBuilder();
    const t = b.table('t', Consumed.with(S, S));
    expect(t.queryableStoreName()).toBeNull();
    t.toStream().to('out');
    expect(b.build().stores.size).toBe(0);
  });

  // Kafka decides at filter() time whether the filter gets old values (B13 in Behaviour.java).
  for (const filterFirst of [true, false]) {
    it(`a filter asks its parent for old values when created (${filterFirst ? 'before' : 'after'} groupBy materializes the source)`, async () => {
      const b = new StreamBuilder();
      const t = b.table<string, string>('t', Consumed.with(S, S));
      const filtered = () => t.filter((_k, v) => v !== 'x').toStream().to('out');
      if (filterFirst) filtered();
      t.groupBy((k, v) => KeyValue.pair(v, k), Grouped.with(S, S)).count();
      if (!filterFirst) filtered();
      const driver = driverFor(b.build());
      const out = collect(driver, 'out');
      const input = driver.createInputTopic('t', S.serializer(), S.serializer());
      await input.pipeInput('a', 'x', 1);
      await input.pipeInput('a', 'y', 2);
      await input.pipeInput('b', 'x', 3);
      expect(out()).toEqual(filterFirst ? ['a null @1', 'a y @2', 'b null @3'] : ['a y @2']);
    });
  }
});
