import { describe, expect, it } from 'vitest';
import { Consumed, Grouped, Materialized, Named, Produced, StreamBuilder } from '../../src/dsl/index.js';
import { driverFor, L, collect, S, STRING_DEFAULTS } from './driver-helpers.js';

// Expected outputs were produced by Java's TopologyTestDriver (test/dsl/java/Behaviour.java).
describe('KGroupedStream aggregations', () => {
  for (const cached of [true, false]) {
    it(`count ${cached ? 'with caching emits once per key per commit' : 'without caching emits every update'}`, async () => {
      const b = new StreamBuilder();
      const m = Materialized.as<string, number>('c');
      b.stream('in', Consumed.with(S, S))
        .flatMapValues((v) => [v, v])
        .groupByKey()
        .count(cached ? m : m.withCachingDisabled())
        .toStream()
        .to('out', Produced.with(S, L));
      const driver = driverFor(b.build(STRING_DEFAULTS));
    const outOut = collect(driver, 'out', L.deserializer());
      const input = driver.createInputTopic('in', S.serializer(), S.serializer());
      await input.pipeInput('a', 'x', 5);
      await input.pipeInput('a', 'y', 3);
      await input.pipeInput('b', 'z', 7);
      expect(outOut()).toEqual(
        cached ? ['a 2 @5', 'a 4 @5', 'b 2 @7'] : ['a 1 @5', 'a 2 @5', 'a 3 @5', 'a 4 @5', 'b 1 @7', 'b 2 @7'],
      );
      expect(driver.getKeyValueStore<string, number>('c').get('a')).toBe(4);
    });
  }

  it('reduce and aggregate skip null keys and values; the result ts is the max input ts', async () => {
    const b = new StreamBuilder();
    const s = b.stream('in', Consumed.with(S, S));
    s.groupByKey().reduce((a, v) => a + v, Materialized.as<string, string>('r').withCachingDisabled()).toStream().to('reduce');
    s.groupByKey()
      .aggregate(() => 'i', (_k, v, a) => a + v, Materialized.as<string, string>('a').withCachingDisabled().withValueSerde(S))
      .toStream()
      .to('agg');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const reduceOut = collect(driver, 'reduce');
    const aggOut = collect(driver, 'agg');
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    await input.pipeInput('k', '1', 10);
    await input.pipeInput('k', '2', 5);
    await input.pipeInput('k', null, 20);
    await input.pipeInput(null, 'x', 30);
    await input.pipeInput('k', '3', 7);
    expect(reduceOut()).toEqual(['k 1 @10', 'k 12 @10', 'k 123 @10']);
    expect(aggOut()).toEqual(['k i1 @10', 'k i12 @10', 'k i123 @10']);
    expect(driver.getTimestampedKeyValueStore<string, string>('r').get('k')).toEqual({ value: '123', timestamp: 10 });
  });

  it('groupBy repartitions by the selected key; null keys are dropped before the repartition', async () => {
    const b = new StreamBuilder();
    b.stream('in', Consumed.with(S, S))
      .groupBy((_k, v) => (v === 'drop' ? (null as unknown as string) : v[0]!), Grouped.as('by-initial'))
      .count(Named.as('counter'), Materialized.as('initials'))
      .toStream()
      .to('out', Produced.with(S, L));
    const topology = b.build(STRING_DEFAULTS);
    expect([...topology.internalTopics.keys()]).toEqual(['by-initial-repartition']);
    const driver = driverFor(topology);
    const outOut = collect(driver, 'out', L.deserializer());
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    for (const [i, v] of ['apple', 'avocado', 'drop', 'banana'].entries()) await input.pipeInput(`k${i}`, v, i);
    expect(outOut()).toEqual(['a 1 @0', 'a 2 @1', 'b 1 @3']);
  });

  it('a merge carries the repartition flag; a null key from selectKey never reaches the aggregate', async () => {
    const b = new StreamBuilder();
    const a = b.stream('a', Consumed.with(S, S)).selectKey((_k, v) => (v === 'drop' ? (null as unknown as string) : v));
    a.merge(b.stream('b', Consumed.with(S, S)))
      .groupByKey()
      .count(Materialized.as('m'))
      .toStream()
      .to('out', Produced.with(S, L));
    const topology = b.build(STRING_DEFAULTS);
    expect([...topology.internalTopics.keys()]).toEqual(['m-repartition']);
    const driver = driverFor(topology);
    const outOut = collect(driver, 'out', L.deserializer());
    const ia = driver.createInputTopic('a', S.serializer(), S.serializer());
    const ib = driver.createInputTopic('b', S.serializer(), S.serializer());
    await ia.pipeInput('x', 'v', 1);
    await ib.pipeInput('v', 'w', 2);
    await ia.pipeInput('y', 'drop', 3);
    await ib.pipeInput(null, 'n', 4);
    expect(outOut()).toEqual(['v 1 @1', 'v 2 @2']);
  });

  it('cogroup aggregates several grouped streams into one store', async () => {
    const b = new StreamBuilder();
    const g1 = b.stream('a', Consumed.with(S, S)).groupByKey();
    const g2 = b.stream('b', Consumed.with(S, S)).groupByKey();
    g1.cogroup((_k, v, agg: string) => `${agg}a${v}`)
      .cogroup(g2, (_k, v, agg) => `${agg}b${v}`)
      .aggregate(() => '', Materialized.as<string, string>('cg').withValueSerde(S))
      .toStream()
      .to('out');
    const topology = b.build(STRING_DEFAULTS);
    expect(topology.copartitionGroups).toEqual([['a', 'b']]);
    const driver = driverFor(topology);
    const outOut = collect(driver, 'out');
    const a = driver.createInputTopic('a', S.serializer(), S.serializer());
    const bb = driver.createInputTopic('b', S.serializer(), S.serializer());
    await a.pipeInput('k', '1', 5);
    await bb.pipeInput('k', '2', 3);
    await a.pipeInput('j', '3', 9);
    await bb.pipeInput('k', null, 10);
    await a.pipeInput(null, '4', 11);
    expect(outOut()).toEqual(['k a1 @5', 'k a1b2 @5', 'j a3 @9']);
    expect(driver.getKeyValueStore<string, string>('cg').get('k')).toBe('a1b2');
  });

  it('aggregations of one grouping named with Grouped share one repartition topic', () => {
    const b = new StreamBuilder();
    const g = b
      .stream('in', Consumed.with(S, S))
      .selectKey((_k, v) => v)
      .groupByKey(Grouped.as('shared'));
    g.count().toStream().to('c', Produced.with(S, L));
    g.reduce((x, y) => x + y).toStream().to('r');
    expect([...b.build(STRING_DEFAULTS).internalTopics.keys()]).toEqual(['shared-repartition']);
  });
});
