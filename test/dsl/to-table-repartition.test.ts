import { describe, expect, it } from 'vitest';
import { Consumed, Materialized, Named, Produced, Repartitioned, StreamBuilder } from '../../src/dsl/index.js';
import { collect, driverFor, S, STRING_DEFAULTS } from './driver-helpers.js';

describe('KStream.toTable and KStream.repartition', () => {
  // Expected outputs were produced by Java's TopologyTestDriver (test/dsl/java/Behaviour.java, B7).
  it('toTable: null values delete, null keys are dropped; after a key change it repartitions first', async () => {
    const b = new StreamBuilder();
    const s = b.stream<string, string>('in', Consumed.with(S, S));
    s.toTable(Materialized.as('tt')).toStream().to('out1');
    s.selectKey((_k, v) => v ?? 'nil')
      .toTable()
      .toStream()
      .to('out2');
    const topology = b.build(STRING_DEFAULTS);
    expect([...topology.internalTopics.keys()]).toEqual(['KSTREAM-TOTABLE-0000000005-repartition']);
    const driver = driverFor(topology);
    const out1 = collect(driver, 'out1');
    const out2 = collect(driver, 'out2');
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    await input.pipeInput('a', '1', 1);
    await input.pipeInput(null, '2', 2);
    await input.pipeInput('a', null, 3);
    await input.pipeInput('b', '3', 4);
    expect(out1()).toEqual(['a 1 @1', 'a null @3', 'b 3 @4']);
    expect(out2()).toEqual(['1 1 @1', '2 2 @2', 'nil null @3', '3 3 @4']);
    expect(driver.getKeyValueStore<string, string>('tt').get('b')).toBe('3');
  });

  it('repartition() always goes through a topic, keeping keys, values and timestamps', async () => {
    const b = new StreamBuilder();
    const s = b.stream<string, string>('in', Consumed.with(S, S));
    s.repartition(Repartitioned.as<string, string>('by-key').withNumberOfPartitions(4))
      .mapValues((v) => v.toUpperCase(), Named.as('upper'))
      .to('out', Produced.with(S, S));
    const topology = b.build();
    expect(topology.internalTopics.get('by-key-repartition')).toMatchObject({ kind: 'repartition', numPartitions: 4 });
    expect(topology.subtopologies()).toHaveLength(2);
    const driver = driverFor(topology);
    const out = collect(driver, 'out');
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    await input.pipeInput('k', 'v', 9);
    await input.pipeInput(null, 'dropped', 10);
    expect(out()).toEqual(['k V @9']);
  });

  it('a generated repartition name uses KSTREAM-REPARTITION-<n> and generated node names', () => {
    const b = new StreamBuilder();
    b.stream('in', Consumed.with(S, S)).repartition().to('out');
    const text = b.build().describe().toString();
    expect(text).toContain('Sink: KSTREAM-SINK-0000000002 (topic: KSTREAM-REPARTITION-0000000001-repartition)');
    expect(text).toContain('Source: KSTREAM-SOURCE-0000000004 (topics: [KSTREAM-REPARTITION-0000000001-repartition])');
  });
});
