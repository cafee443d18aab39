import { describe, expect, it } from 'vitest';
import { Consumed, Grouped, Materialized, Produced, Repartitioned, StreamBuilder } from '../../src/dsl/index.js';
import { Stores } from '../../src/state/stores.js';
import { collect, driverFor, L, S, STRING_DEFAULTS } from './driver-helpers.js';

describe('DSL options', () => {
  it('Consumed.withTimestampExtractor sets event time; stateless ops keep it', async () => {
    const b = new StreamBuilder();
    b.stream('in', Consumed.with(S, S).withTimestampExtractor((r) => Number(r.value)))
      .mapValues((v) => `t=${v}`)
      .to('out', Produced.with(S, S));
    const driver = driverFor(b.build());
    const out = collect(driver, 'out');
    await driver.createInputTopic('in', S.serializer(), S.serializer()).pipeInput('k', '1234', 1);
    expect(out()).toEqual(['k t=1234 @1234']);
  });

  it('Materialized chooses the backend: LevelDB by default, in-memory by type, config or supplier', () => {
    const build = (m: Materialized<string, number> | undefined, defaultDslStore?: 'persistent' | 'in-memory') => {
      const b = new StreamBuilder();
      b.stream('in', Consumed.with(S, S)).groupByKey().count(m ?? Materialized.as('c'));
      return b.build({ ...STRING_DEFAULTS, defaultDslStore }).stores.values().next().value!.builder.build();
    };
    expect(build(undefined).persistent()).toBe(true);
    expect(build(Materialized.as<string, number>('c').withStoreType('in-memory')).persistent()).toBe(false);
    expect(build(undefined, 'in-memory').persistent()).toBe(false);
    expect(build(Materialized.as<string, number>(Stores.inMemoryKeyValueStore('mem'))).name).toBe('mem');
  });

  it('Materialized toggles caching and logging; DSL stores default to both on', () => {
    const b = new StreamBuilder();
    const s = b.stream('in', Consumed.with(S, S));
    s.groupByKey().count(Materialized.as('default'));
    s.groupByKey().count(Materialized.as<string, number>('plain').withCachingDisabled().withLoggingDisabled());
    s.groupByKey().count(Materialized.as<string, number>('configured').withLoggingEnabled({ 'retention.ms': '1000' }));
    const stores = b.build(STRING_DEFAULTS).stores;
    const flags = (name: string) => {
      const builder = stores.get(name)!.builder;
      return [builder.cachingEnabled, builder.loggingEnabled];
    };
    expect(flags('default')).toEqual([true, true]);
    expect(flags('plain')).toEqual([false, false]);
    expect(stores.get('configured')!.builder.logConfig).toEqual({ 'cleanup.policy': 'compact', 'retention.ms': '1000' });
  });

  it('Grouped serdes are used for the repartition topic; Repartitioned serdes for repartition()', async () => {
    const b = new StreamBuilder();
    b.stream('in', Consumed.with(S, S))
      .groupBy((_k, v) => v.length, Grouped.with(L, S))
      .count(Materialized.as<number, number>('by-length').withKeySerde(L))
      .toStream()
      .to('out', Produced.with(L, L));
    b.stream('in2', Consumed.with(S, S))
      .mapValues((v) => Number(v))
      .repartition(Repartitioned.with(S, L))
      .to('out2', Produced.valueSerde(L));
    const driver = driverFor(b.build());
    const out = collect(driver, 'out', L.deserializer(), L.deserializer());
    const out2 = collect(driver, 'out2', L.deserializer());
    await driver.createInputTopic('in', S.serializer(), S.serializer()).pipeInput('k', 'abc', 1);
    await driver.createInputTopic('in2', S.serializer(), S.serializer()).pipeInput('k', '7', 2);
    expect(out()).toEqual(['3 1 @1']);
    expect(out2()).toEqual(['k 7 @2']);
  });

  it('KTable.filterNot keeps the rows the predicate rejects', async () => {
    const b = new StreamBuilder();
    b.table('t', Consumed.with(S, S))
      .filterNot((_k, v) => v === 'hide')
      .toStream()
      .to('out', Produced.with(S, S));
    const driver = driverFor(b.build());
    const out = collect(driver, 'out');
    const input = driver.createInputTopic('t', S.serializer(), S.serializer());
    await input.pipeInput('a', 'show', 1);
    await input.pipeInput('a', 'hide', 2);
    expect(out()).toEqual(['a show @1', 'a null @2']);
  });
});
