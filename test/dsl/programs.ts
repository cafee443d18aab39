// The DSL programs of test/dsl/java/Describe.java, line for line, so their describe()
// texts can be compared with the Java output in fixtures/<name>.txt.
import {
  Branched,
  Consumed,
  Grouped,
  Materialized,
  Named,
  Printed,
  Produced,
  Repartitioned,
  StreamBuilder,
  type BuildConfig,
  type KGroupedStream,
  type KStream,
  type KTable,
} from '../../src/dsl/index.js';
import type { ValueTransformerWithKey } from '../../src/processor/value-transformer-with-key.js';
import { Serdes } from '../../src/serdes/serdes.js';
import { Stores } from '../../src/state/stores.js';
import { KeyValue } from '../../src/state/key-value.js';
import type { FixedKeyProcessor, Processor } from '../../src/processor/processor.js';

type Program = (b: StreamBuilder) => BuildConfig;

const S = Serdes.String();
const defaults: BuildConfig = { defaultKeySerde: S, defaultValueSerde: S };
const identityTransformer = (): ValueTransformerWithKey<string, string, string> => ({ transform: (_k, v) => v });
const opt = (topologyOptimization: string): BuildConfig => ({ ...defaults, topologyOptimization });
const proc = (): Processor => ({ process() {} });
const fproc = (): FixedKeyProcessor => ({ process() {} });

export const programs: { readonly [name: string]: Program } = {
  'word-count': (b) => {
    b.stream('text-lines', Consumed.with(S, S))
      .flatMapValues((v) => v.toLowerCase().split(/\W+/))
      .groupBy((_k, w) => w, Grouped.with(S, S))
      .count(Materialized.as('counts-store'))
      .toStream()
      .to('word-counts-output', Produced.with(S, Serdes.Long()));
    return defaults;
  },

  'stateless-chain': (b) => {
    const s = b.stream<string, string>('in');
    const t = s
      .filter(() => true)
      .filterNot(() => false)
      .map((k, v) => KeyValue.pair(k, v))
      .mapValues((v) => v)
      .flatMap((k, v) => [KeyValue.pair(k, v)])
      .flatMapValues((v) => [v])
      .selectKey((k) => k)
      .peek(() => {});
    t.to('out');
    t.foreach(() => {});
    return defaults;
  },

  'table-to-stream-mapper': (b) => {
    const t = b.table<string, string>('t');
    t.toStream((_k, v) => v).to('by-value');
    t.toStream((k, v) => k + v, Named.as('rekeyed')).to('by-both');
    return defaults;
  },

  'table-transform-values': (b) => {
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('lookup'), S, S));
    const t = b.table<string, string>('t');
    const a = t.transformValues(identityTransformer);
    a.transformValues(identityTransformer, Materialized.as('tv-store'), 'lookup').toStream().to('materialized');
    t.transformValues(identityTransformer, Named.as('tv-named'), 'lookup').toStream().to('named');
    t.transformValues(identityTransformer, Materialized.with(S, S), Named.as('tv-unnamed-store')).toStream().to('unnamed-store');
    b.stream<string, string>('s').join(a, (v, x) => v + x).to('joined');
    return defaults;
  },

  print: (b) => {
    const s = b.stream<string, string>('in');
    s.print(Printed.toSysOut());
    s.mapValues((v) => v).print(Printed.toSysOut<string, string>().withLabel('values').withName('printer'));
    return defaults;
  },

  'stateless-named': (b) => {
    const s = b.stream<string, string>('in', Consumed.as('src'));
    s.filter(() => true, Named.as('f'))
      .filterNot(() => false, Named.as('fn'))
      .map((k, v) => KeyValue.pair(k, v), Named.as('m'))
      .mapValues((v) => v, Named.as('mv'))
      .flatMap((k, v) => [KeyValue.pair(k, v)], Named.as('fm'))
      .flatMapValues((v) => [v], Named.as('fmv'))
      .selectKey((k) => k, Named.as('sk'))
      .peek(() => {}, Named.as('pk'))
      .to('out', Produced.as('sink'));
    s.foreach(() => {}, Named.as('fe'));
    return defaults;
  },

  'merge-repartition': (b) => {
    const a = b.stream<string, string>('a').selectKey((_k, v) => v);
    const c = b.stream<string, string>('b');
    a.merge(c).groupByKey().count().toStream().to('out');
    return defaults;
  },

  split: (b) => {
    const m = b
      .stream<string, string>('in')
      .split(Named.as('split-'))
      .branch((_k, v) => v.startsWith('a'), Branched.as('a'))
      .branch((_k, v) => v.startsWith('b'))
      .branch((_k, v) => v.startsWith('c'), Branched.withConsumer((s) => s.to('c-out')))
      .branch((_k, v) => v.startsWith('d'), Branched.withFunction((s) => s.mapValues((v) => v), 'd'))
      .defaultBranch();
    for (const key of [...m.keys()].sort()) m.get(key)!.to(`${key}-out`);
    return defaults;
  },

  'split-unnamed': (b) => {
    const m = b
      .stream<string, string>('in')
      .split()
      .branch(() => true)
      .branch(() => false)
      .noDefaultBranch();
    for (const key of [...m.keys()].sort()) m.get(key)!.to(key);
    return defaults;
  },

  repartition: (b) => {
    const s = b.stream<string, string>('in');
    s.repartition().to('out1');
    s.repartition(Repartitioned.as<string, string>('r').withNumberOfPartitions(3)).to('out2');
    return defaults;
  },

  'to-table': (b) => {
    const s = b.stream<string, string>('in');
    s.toTable().toStream().to('out1');
    s.selectKey((_k, v) => v)
      .toTable(Named.as('tt'), Materialized.as('tt-store'))
      .toStream()
      .to('out2');
    s.selectKey((_k, v) => v)
      .toTable()
      .toStream()
      .to('out3');
    return defaults;
  },

  'grouped-stream': (b) => {
    const s = b.stream<string, string>('in');
    s.groupByKey().count().toStream().to('c1');
    s.groupByKey().count(Materialized.with(S, Serdes.Long())).toStream().to('c2');
    s.groupByKey().reduce((a, v) => a + v).toStream().to('r1');
    s.groupByKey().aggregate(() => '', (_k, v, a) => a + v).toStream().to('a1');
    s.groupByKey().count(Named.as('named-count')).toStream().to('c3');
    return defaults;
  },

  'grouped-repartition': (b) => {
    const s = b.stream<string, string>('in').selectKey((_k, v) => v);
    s.groupByKey().count().toStream().to('c1');
    s.groupByKey(Grouped.as('g'))
      .reduce((a, v) => a + v, Materialized.as('red'))
      .toStream()
      .to('r1');
    const g = s.groupBy((_k, v) => v, Grouped.as('shared'));
    g.count().toStream().to('c2');
    g.aggregate(() => '', (_k, v, a) => a + v).toStream().to('a2');
    return defaults;
  },

  'table-regroup': (b) => {
    const t = b.table<string, string>('t');
    t.groupBy((k, v) => KeyValue.pair(v, k)).count().toStream().to('c');
    t.groupBy((k, v) => KeyValue.pair(v, k), Grouped.as('regroup'))
      .reduce((a, v) => a + v, (a) => a, Materialized.as('reduced'))
      .toStream()
      .to('r');
    t.groupBy((k, v) => KeyValue.pair(v, k))
      .aggregate(() => '', (_k, v, a) => a + v, (_k, _v, a) => a, Named.as('agg'))
      .toStream()
      .to('a');
    return defaults;
  },

  'table-ops': (b) => {
    const t = b.table<string, string>('t', Materialized.as('t-store'));
    t.filter(() => true).toStream().to('o1');
    t.filterNot(() => true, Materialized.as('fn-store')).toStream().to('o2');
    t.mapValues((v) => v, Named.as('mv')).toStream(Named.as('ts')).to('o3');
    t.mapValues((v) => v, Materialized.with(S, S))
      .filter(() => true, Named.as('f2'))
      .toStream()
      .to('o4');
    const u = b.table<string, string>('u');
    u.filter(() => true)
      .groupBy((k, v) => KeyValue.pair(v, k))
      .count()
      .toStream()
      .to('o5');
    return defaults;
  },

  cogroup: (b) => {
    const g1 = b.stream<string, string>('a').groupByKey();
    const g2: KGroupedStream<string, string> = b
      .stream<string, string>('b')
      .selectKey((_k, v) => v)
      .groupByKey(Grouped.as('bg'));
    g1.cogroup((_k, v, a: string) => a + v)
      .cogroup(g2, (_k, v, a) => a + v)
      .aggregate(() => '')
      .toStream()
      .to('out');
    const g3 = b.stream<string, string>('c').groupByKey();
    g3.cogroup((_k, v, a: string) => a + v)
      .aggregate(() => '', Named.as('cg'), Materialized.as('cg-store'))
      .toStream()
      .to('out2');
    return defaults;
  },

  process: (b) => {
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('s1'), S, S));
    const s: KStream<unknown, unknown> = b.stream('in');
    s.process(proc, 's1').processValues(fproc, Named.as('pv'), 's1').to('out');
    s.process(proc, Named.as('p2')).groupByKey().count().toStream().to('out2');
    return defaults;
  },

  'pattern-and-duplicate-sources': (b) => {
    b.stream(/topic-.*/).to('out1');
    b.stream('x').to('out2');
    b.stream('x')
      .mapValues((v) => v)
      .to('out3');
    b.stream(['y', 'z']).to('out4');
    return defaults;
  },

  'merge-optimized': (b) => {
    const s = b.stream<string, string>('in').map((_k, v) => KeyValue.pair(v, v));
    const g = s.groupByKey();
    g.count().toStream().to('c');
    g.reduce((a, v) => a + v).toStream().to('r');
    s.filter(() => true)
      .groupByKey()
      .count(Materialized.as('third'))
      .toStream()
      .to('c3');
    return opt('all');
  },

  'reuse-source-optimized': (b) => {
    const t: KTable<string, string> = b.table('t', Materialized.as('t-store'));
    t.toStream().to('out');
    return opt('reuse.ktable.source.topics');
  },

  'merge-optimized-through-merge': (b) => {
    const a = b.stream<string, string>('a').selectKey((_k, v) => v);
    const c = b.stream<string, string>('b').map((k, v) => KeyValue.pair(v, k));
    const m = a.merge(c);
    m.groupByKey().count().toStream().to('o1');
    a.groupByKey(Grouped.as('only-a')).count().toStream().to('o3');
    return opt('all');
  },

  'table-named-source': (b) => {
    const t = b.table<string, string>('t', Consumed.as('users'));
    t.filter(() => true, Named.as('f'), Materialized.as('f-store'))
      .groupBy((k, v) => KeyValue.pair(v, k), Grouped.as('g'))
      .count(Named.as('cnt'))
      .toStream()
      .to('out');
    return defaults;
  },
};
