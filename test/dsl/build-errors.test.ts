import { describe, expect, it } from 'vitest';
import { Consumed, Grouped, Materialized, Named, Produced, Repartitioned, StreamBuilder } from '../../src/dsl/index.js';
import { TopologyError } from '../../src/errors/topology-error.js';
import { KeyValue } from '../../src/state/key-value.js';
import { L, S, STRING_DEFAULTS } from './driver-helpers.js';

function buildError(b: StreamBuilder, config = {}): TopologyError {
  try {
    b.build(config);
  } catch (error) {
    expect(error).toBeInstanceOf(TopologyError);
    return error as TopologyError;
  }
  throw new Error('build() did not throw');
}

describe('StreamBuilder.build() errors', () => {
  it('reports every missing serde at once, saying where and how to fix it', () => {
    const b = new StreamBuilder();
    b.stream('in').mapValues((v) => v).to('out');
    const error = buildError(b);
    expect(error.issues.map((i) => [i.code, i.node])).toEqual([
      ['missing-serde', 'KSTREAM-SOURCE-0000000000'],
      ['missing-serde', 'KSTREAM-SOURCE-0000000000'],
      ['missing-serde', 'KSTREAM-SINK-0000000002'],
      ['missing-serde', 'KSTREAM-SINK-0000000002'],
    ]);
    expect(error.issues[0]!.message).toBe(
      'Source "KSTREAM-SOURCE-0000000000" (topics in) has no key serde and no defaultKeySerde is configured: pass Consumed.with(keySerde, valueSerde) to stream(), or set defaultKeySerde in the build config.',
    );
    expect(error.message).toContain('Invalid topology (4 problems)');
  });

  it('a serde is missing only where nothing provides one', () => {
    const b = new StreamBuilder();
    b.stream('in', Consumed.with(S, S))
      .groupBy((_k, v) => v.length)
      .count()
      .toStream()
      .to('out', Produced.valueSerde(L));
    // The new key type has no serde: the repartition topic, the store and the sink need one.
    const error = buildError(b);
    expect(error.issues.map((i) => i.message.split(' has ')[0])).toEqual([
      'Repartition topic "KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition"',
      'Store "KSTREAM-AGGREGATE-STATE-STORE-0000000002"',
      'Sink "KSTREAM-SINK-0000000008" (topic out)',
    ]);
    expect(() => b.build({ defaultKeySerde: S })).not.toThrow();
  });

  it('reports duplicate names and stores used but never added, together', () => {
    const b = new StreamBuilder();
    const s = b.stream('in', Consumed.with(S, S));
    s.filter(() => true, Named.as('dup')).to('a');
    s.mapValues((v) => v, Named.as('dup')).to('b');
    s.process(() => ({ process() {} }), 'missing-store');
    const error = buildError(b, STRING_DEFAULTS);
    expect(error.issues.map((i) => i.code)).toEqual(['duplicate-name', 'missing-store']);
    expect(error.issues[1]!.message).toContain('Store "missing-store" is used by "KSTREAM-PROCESSOR-0000000005" but never added');
  });

  it('two stores with one name are reported', () => {
    const b = new StreamBuilder();
    const s = b.stream('in', Consumed.with(S, S));
    s.groupByKey().count(Materialized.as('same'));
    s.groupByKey().reduce((x) => x, Materialized.as('same'));
    expect(buildError(b, STRING_DEFAULTS).issues.map((i) => i.code)).toContain('duplicate-store');
  });

  it('rejects illegal names immediately', () => {
    expect(() => Named.as('has space')).toThrow(/illegal, it contains a character other than ASCII alphanumerics/);
    expect(() => Materialized.as('')).toThrow(TopologyError);
    expect(() => Grouped.as('x'.repeat(250))).toThrow(/longer than 249/);
  });

  it('rejects an unknown topologyOptimization', () => {
    const b = new StreamBuilder();
    b.stream('in', Consumed.with(S, S)).to('out');
    expect(() => b.build({ topologyOptimization: 'fast' })).toThrow(/topologyOptimization must be/);
  });

  describe('ensureExplicitInternalResourceNaming', () => {
    const strict = { ...STRING_DEFAULTS, ensureExplicitInternalResourceNaming: true };

    // What Java 4.4 reports for the same programs (test/dsl/java: Explicit cases), by resource name.
    const cases: [string, (b: StreamBuilder) => void, string[]][] = [
      ['table() even when not materialized', (b) => b.table('t', Consumed.with(S, S)).toStream().to('out'), ['t-STATE-STORE-0000000000']],
      ['named table, unnamed filter (no store)', (b) => b.table('t', Consumed.with(S, S), Materialized.as('x')).filter(() => true).toStream().to('out'), []],
      [
        'cogroup store',
        (b) => b.stream('in', Consumed.with(S, S)).groupByKey().cogroup((_k, v, a: string) => a + v).aggregate(() => '').toStream().to('out'),
        ['COGROUPKSTREAM-AGGREGATE-STATE-STORE-0000000001'],
      ],
      [
        'grouped-table store (its repartition topic follows the store name)',
        (b) => b.table('t', Consumed.with(S, S), Materialized.as('x')).groupBy((k, v) => KeyValue.pair(v, k)).count().toStream().to('out', Produced.valueSerde(L)),
        ['KTABLE-AGGREGATE-STATE-STORE-0000000003'],
      ],
      ['repartition()', (b) => b.stream('in', Consumed.with(S, S)).repartition().to('out'), ['KSTREAM-REPARTITION-0000000001-repartition']],
      ['toTable() store', (b) => b.stream('in', Consumed.with(S, S)).toTable().toStream().to('out'), ['KSTREAM-TOTABLE-STATE-STORE-0000000002']],
      [
        'toTable after a key change: the repartition topic',
        (b) => b.stream('in', Consumed.with(S, S)).selectKey((_k, v) => v).toTable(Materialized.as('t')).toStream().to('out'),
        ['KSTREAM-TOTABLE-0000000002-repartition'],
      ],
      [
        'groupBy with a named store names the repartition topic too',
        (b) => b.stream('in', Consumed.with(S, S)).groupBy((_k, v) => v).count(Materialized.as('c')).toStream().to('out', Produced.valueSerde(L)),
        [],
      ],
    ];
    for (const [title, program, names] of cases) {
      it(title, () => {
        const b = new StreamBuilder();
        program(b);
        let reported: string[] = [];
        try {
          b.build(strict);
        } catch (error) {
          reported = (error as TopologyError).issues.map((i) => /"([^"]+)"/.exec(i.message)![1]!);
        }
        expect(reported).toEqual(names);
      });
    }

    it('fails for generated store, changelog and repartition topic names', () => {
      const b = new StreamBuilder();
      b.stream('in', Consumed.with(S, S))
        .selectKey((_k, v) => v)
        .groupByKey()
        .count()
        .toStream()
        .to('out', Produced.with(S, L));
      const error = buildError(b, strict);
      expect(error.issues.map((i) => i.code)).toEqual(['generated-topic-name', 'generated-store-name']);
      expect(error.issues[1]!.message).toContain('changelog topic "KSTREAM-AGGREGATE-STATE-STORE-0000000002-changelog"');
    });

    it('passes when stores and topics are named', () => {
      const b = new StreamBuilder();
      b.stream('in', Consumed.with(S, S))
        .selectKey((_k, v) => v)
        .repartition(Repartitioned.as('by-value'))
        .groupByKey()
        .count(Materialized.as('counts'))
        .toStream()
        .to('out', Produced.with(S, L));
      b.table('t', Consumed.with(S, S))
        .groupBy((k, v) => KeyValue.pair(v, k), Grouped.as('regroup'))
        .count(Materialized.as('regrouped'))
        .toStream()
        .to('out2', Produced.with(S, L));
      // The source table is materialized for the re-grouping under its generated name.
      expect(() => b.build(strict)).toThrow(/State store "t-STATE-STORE-0000000008" of "KTABLE-SOURCE-0000000010"/);
      const ok = new StreamBuilder();
      ok.table('t', Consumed.with(S, S), Materialized.as('users'))
        .groupBy((k, v) => KeyValue.pair(v, k), Grouped.as('regroup'))
        .count(Materialized.as('regrouped'))
        .toStream()
        .to('out2', Produced.with(S, L));
      expect(() => ok.build(strict)).not.toThrow();
    });
  });
});
