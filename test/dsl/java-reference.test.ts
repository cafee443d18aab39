// Ports of tools/java-reference/src/main/java/kstreams/reference/Programs.java (same calls,
// same order), compared with the Java descriptions in test/fixtures/java-describe/. Java
// describes without serdes; our build() needs them where types change, so defaults are set.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Branched, Consumed, Grouped, Materialized, Named, Produced, Repartitioned, StreamBuilder, type KStream } from '../../src/dsl/index.js';
import { KeyValue } from '../../src/state/key-value.js';
import type { Topology } from '../../src/topology/topology.js';
import { L, S, STRING_DEFAULTS as DEFAULTS } from './driver-helpers.js';

const programs: { readonly [name: string]: () => Topology } = {
  'word-count': () => {
    const builder = new StreamBuilder();
    builder
      .stream('text-lines', Consumed.with(S, S))
      .flatMapValues((line) => line.toLowerCase().split(/\W+/))
      .groupBy((_key, word) => word, Grouped.with(S, S))
      .count(Materialized.as('counts-store'))
      .toStream()
      .to('word-counts-output', Produced.with(S, L));
    return builder.build(DEFAULTS);
  },
  'table-regroup': () => {
    const builder = new StreamBuilder();
    builder
      .table('users', Consumed.with(S, S))
      .groupBy((_userId, region) => KeyValue.pair(region, region), Grouped.with(S, S))
      .count()
      .toStream()
      .to('region-counts', Produced.with(S, L));
    return builder.build(DEFAULTS);
  },
  split: () => {
    const builder = new StreamBuilder();
    const branches = builder
      .stream('input', Consumed.with(S, S))
      .split(Named.as('branch-'))
      .branch((_k, v) => v.startsWith('a'), Branched.as('a'))
      .branch((_k, v) => v.startsWith('b'))
      .defaultBranch();
    const branch = (name: string): KStream<string, string> => branches.get(name)!;
    branch('branch-a').to('output-a');
    branch('branch-2').to('output-b');
    branch('branch-0').to('output-default');
    return builder.build(DEFAULTS);
  },
  'groupByKey-count': () => {
    const builder = new StreamBuilder();
    builder.stream('input', Consumed.with(S, S)).groupByKey().count().toStream().to('output', Produced.with(S, L));
    return builder.build(DEFAULTS);
  },
  'merge-repartition': () => {
    const builder = new StreamBuilder();
    const a = builder.stream('input-a', Consumed.with(S, S)).selectKey((_k, v) => v);
    const b = builder.stream('input-b', Consumed.with(S, S));
    a.merge(b)
      .groupByKey()
      .count(Materialized.as('merged-counts'))
      .toStream()
      .to('merged-output', Produced.with(S, L));
    return builder.build(DEFAULTS);
  },
  'repartition-named': () => {
    const builder = new StreamBuilder();
    builder
      .stream('input', Consumed.with(S, S))
      .selectKey((_k, v) => v)
      .repartition(Repartitioned.as<string, string>('by-value').withNumberOfPartitions(4))
      .groupByKey()
      .count(Materialized.as('value-counts'))
      .toStream()
      .to('value-counts-output', Produced.with(S, L));
    return builder.build(DEFAULTS);
  },
  'repartition-reuse': () => repartitionReuse(false),
  'repartition-reuse-optimized': () => repartitionReuse(true),
};

function repartitionReuse(optimized: boolean): Topology {
  const builder = new StreamBuilder();
  const rekeyed = builder.stream('input', Consumed.with(S, S)).selectKey((_k, v) => v);
  rekeyed.groupByKey().count(Materialized.as('count-a')).toStream().to('output-a', Produced.with(S, L));
  rekeyed.groupByKey().count(Materialized.as('count-b')).toStream().to('output-b', Produced.with(S, L));
  return builder.build(optimized ? { ...DEFAULTS, topologyOptimization: 'all' } : DEFAULTS);
}

const fixture = (name: string): URL => new URL(`../fixtures/java-describe/${name}.txt`, import.meta.url);

describe('describe() equals the Java reference programs (tools/java-reference)', () => {
  for (const [name, build] of Object.entries(programs)) {
    const missing = !existsSync(fixture(name));
    // A fixture is missing only until tools/java-reference/describe.sh --write-fixtures has run.
    it.skipIf(missing)(`${name}${missing ? ' (skipped: fixture not generated yet)' : ''}`, () => {
      expect(build().describe().toString()).toBe(readFileSync(fixture(name), 'utf8'));
    });
  }
});
