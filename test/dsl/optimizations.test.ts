import { describe, expect, it } from 'vitest';
import { Consumed, Materialized, Produced, StreamBuilder } from '../../src/dsl/index.js';
import { KeyValue } from '../../src/state/key-value.js';
import { collect, driverFor, L, S, STRING_DEFAULTS } from './driver-helpers.js';

describe('topologyOptimization', () => {
  it('reuse.ktable.source.topics restores a source table from its topic: no changelog', () => {
    const build = (topologyOptimization?: string) => {
      const b = new StreamBuilder();
      b.table('t', Consumed.with(S, S), Materialized.as('t-store')).toStream().to('out');
      return b.build({ topologyOptimization });
    };
    const plain = build();
    expect(plain.sourceChangelogs.size).toBe(0);
    expect(plain.stores.get('t-store')!.builder.loggingEnabled).toBe(true);
    for (const value of ['reuse.ktable.source.topics', 'all']) {
      const optimized = build(value);
      expect(optimized.sourceChangelogs).toEqual(new Map([['t-store', 't']]));
      expect(optimized.stores.get('t-store')!.builder.loggingEnabled).toBe(false);
    }
  });

  it('merge.repartition.topics: one repartition after a key change feeds every aggregation', async () => {
    const build = (topologyOptimization: string) => {
      const b = new StreamBuilder();
      const rekeyed = b.stream('in', Consumed.with(S, S)).selectKey((_k, v) => v);
      rekeyed.groupByKey().count(Materialized.as('count-a')).toStream().to('output-a', Produced.with(S, L));
      rekeyed.groupByKey().count(Materialized.as('count-b')).toStream().to('output-b', Produced.with(S, L));
      return b.build({ ...STRING_DEFAULTS, topologyOptimization });
    };
    expect([...build('none').internalTopics.keys()]).toEqual(['count-a-repartition', 'count-b-repartition']);
    const optimized = build('all');
    expect([...optimized.internalTopics.keys()]).toEqual(['count-a-repartition']);
    const driver = driverFor(optimized);
    const a = collect(driver, 'output-a', L.deserializer());
    const bOut = collect(driver, 'output-b', L.deserializer());
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    await input.pipeInput('k1', 'x', 1);
    await input.pipeInput('k2', 'x', 2);
    expect(a()).toEqual(['x 1 @1', 'x 2 @2']);
    expect(bOut()).toEqual(['x 1 @1', 'x 2 @2']);
  });

  it("'none' and an absent setting leave the graph as written", () => {
    const b = new StreamBuilder();
    b.table('t', Consumed.with(S, S))
      .groupBy((k, v) => KeyValue.pair(v, k))
      .count();
    expect(b.build({ ...STRING_DEFAULTS, topologyOptimization: 'none' }).describe().toString()).toBe(
      b.build(STRING_DEFAULTS).describe().toString(),
    );
  });
});
