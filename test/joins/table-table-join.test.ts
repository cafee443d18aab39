import { describe, expect, it } from 'vitest';
import { Materialized, Named, StreamBuilder } from '../../src/dsl/index.js';
import { KeyValue } from '../../src/state/key-value.js';
import { collect, driverFor, J, pipe, STRING_DEFAULTS } from './join-helpers.js';

// Expected outputs and describe() texts: Java Kafka Streams 4.4 (test/joins/java/Joins.java, run.sh).
const STEPS = ['l a L1 @1', 'r a R1 @2', 'l a L2 @3', 'r a - @4', 'l a - @5', 'r b R2 @6', 'l b L3 @7'];

describe('KTable-KTable join', () => {
  it('both sides trigger; deletes become tombstones; the timestamp is the later row', async () => {
    const b = new StreamBuilder();
    const l = b.table<string, string>('l');
    const r = b.table<string, string>('r');
    l.join(r, J).toStream().to('inner');
    l.leftJoin(r, J).toStream().to('left');
    l.outerJoin(r, J).toStream().to('outer');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const [inner, left, outer] = [collect(driver, 'inner'), collect(driver, 'left'), collect(driver, 'outer')];
    await pipe(driver, ...STEPS, 'r c R @100', 'l c L @50', 'r b - @8', 'r b R3 @9', 'l - x @10');
    expect(inner()).toEqual(['a L1+R1 @2', 'a L2+R1 @3', 'a null @4', 'b L3+R2 @7', 'c L+R @100', 'b null @8', 'b L3+R3 @9']);
    expect(left()).toEqual(['a L1+null @1', 'a L1+R1 @2', 'a L2+R1 @3', 'a L2+null @4', 'a null @5', 'b L3+R2 @7', 'c L+R @100', 'b L3+null @8', 'b L3+R3 @9']);
    expect(outer()).toEqual([
      'a L1+null @1', 'a L1+R1 @2', 'a L2+R1 @3', 'a L2+null @4', 'a null @5', 'b null+R2 @6', 'b L3+R2 @7',
      'c null+R @100', 'c L+R @100', 'b L3+null @8', 'b L3+R3 @9',
    ]);
  });

  it('with uncached tables, every update of either side is joined at once', async () => {
    const b = new StreamBuilder();
    const l = b.table<string, string>('l', Materialized.as<string, string>('ls').withCachingDisabled());
    const r = b.table<string, string>('r', Materialized.as<string, string>('rs').withCachingDisabled());
    l.join(r, J).toStream().to('inner');
    l.leftJoin(r, J).toStream().to('left');
    l.outerJoin(r, J).toStream().to('outer');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const [inner, left, outer] = [collect(driver, 'inner'), collect(driver, 'left'), collect(driver, 'outer')];
    await pipe(driver, ...STEPS, 'r b - @8', 'l b - @9');
    expect(inner()).toEqual(['a L1+R1 @2', 'a L2+R1 @3', 'a null @4', 'b L3+R2 @7', 'b null @8']);
    expect(left()).toEqual(['a L1+null @1', 'a L1+R1 @2', 'a L2+R1 @3', 'a L2+null @4', 'a null @5', 'b L3+R2 @7', 'b L3+null @8', 'b null @9']);
    expect(outer()).toEqual(['a L1+null @1', 'a L1+R1 @2', 'a L2+R1 @3', 'a L2+null @4', 'a null @5', 'b null+R2 @6', 'b L3+R2 @7', 'b L3+null @8', 'b null @9']);
  });

  it('a materialized join result regroups with old values (subtract, then add)', async () => {
    const b = new StreamBuilder();
    const l = b.table<string, string>('l');
    const r = b.table<string, string>('r');
    l.leftJoin(r, J, Materialized.as<string, string>('joined').withCachingDisabled())
      .groupBy((k, v) => KeyValue.pair(v.slice(0, 1), v))
      .count()
      .toStream()
      .mapValues((v) => String(v))
      .to('counts');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const counts = collect(driver, 'counts');
    await pipe(driver, 'l a L1 @1', 'r a R1 @2', 'l b M1 @3', 'r b - @4', 'l a - @5');
    expect(counts()).toEqual(['L 1 @1', 'L 1 @2', 'M 1 @3', 'L 0 @5']);
    expect(driver.getKeyValueStore<string, string>('joined').get('b')).toBe('M1+null');
  });

  it('chains: the first join is read through its value getter by the second', async () => {
    const b = new StreamBuilder();
    const l = b.table<string, string>('l');
    const r = b.table<string, string>('r');
    const m = b.table<string, string>('m');
    l.join(r, J).leftJoin(m, J).toStream().to('out');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const out = collect(driver, 'out');
    await pipe(driver, 'l a L @1', 'm a M @2', 'r a R @3', 'm a - @4', 'r a - @5');
    expect(out()).toEqual(['a L+R+M @3', 'a L+R+null @4', 'a null @5']);
  });

  it('describe(): three joins of one pair of tables (generated, named, materialized)', () => {
    const b = new StreamBuilder();
    const l = b.table<string, string>('l');
    const r = b.table<string, string>('r');
    l.join(r, J).toStream().to('inner');
    l.leftJoin(r, J, Named.as('lj')).toStream().to('left');
    l.outerJoin(r, J, Materialized.as('outer-store')).toStream().to('outer');
    expect(b.build(STRING_DEFAULTS).describe().toString()).toBe(`Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000001 (topics: [l])
      --> KTABLE-SOURCE-0000000002
    Source: KSTREAM-SOURCE-0000000004 (topics: [r])
      --> KTABLE-SOURCE-0000000005
    Processor: KTABLE-SOURCE-0000000002 (stores: [l-STATE-STORE-0000000000])
      --> KTABLE-JOINTHIS-0000000007, KTABLE-JOINTHIS-0000000017, lj-join-this
      <-- KSTREAM-SOURCE-0000000001
    Processor: KTABLE-SOURCE-0000000005 (stores: [r-STATE-STORE-0000000003])
      --> KTABLE-JOINOTHER-0000000008, KTABLE-JOINOTHER-0000000018, lj-join-other
      <-- KSTREAM-SOURCE-0000000004
    Processor: KTABLE-JOINOTHER-0000000008 (stores: [l-STATE-STORE-0000000000])
      --> KTABLE-MERGE-0000000006
      <-- KTABLE-SOURCE-0000000005
    Processor: KTABLE-JOINOTHER-0000000018 (stores: [l-STATE-STORE-0000000000])
      --> KTABLE-MERGE-0000000016
      <-- KTABLE-SOURCE-0000000005
    Processor: KTABLE-JOINTHIS-0000000007 (stores: [r-STATE-STORE-0000000003])
      --> KTABLE-MERGE-0000000006
      <-- KTABLE-SOURCE-0000000002
    Processor: KTABLE-JOINTHIS-0000000017 (stores: [r-STATE-STORE-0000000003])
      --> KTABLE-MERGE-0000000016
      <-- KTABLE-SOURCE-0000000002
    Processor: lj-join-other (stores: [l-STATE-STORE-0000000000])
      --> lj
      <-- KTABLE-SOURCE-0000000005
    Processor: lj-join-this (stores: [r-STATE-STORE-0000000003])
      --> lj
      <-- KTABLE-SOURCE-0000000002
    Processor: KTABLE-MERGE-0000000006 (stores: [])
      --> KTABLE-TOSTREAM-0000000009
      <-- KTABLE-JOINTHIS-0000000007, KTABLE-JOINOTHER-0000000008
    Processor: KTABLE-MERGE-0000000016 (stores: [outer-store])
      --> KTABLE-TOSTREAM-0000000019
      <-- KTABLE-JOINTHIS-0000000017, KTABLE-JOINOTHER-0000000018
    Processor: lj (stores: [])
      --> KTABLE-TOSTREAM-0000000014
      <-- lj-join-this, lj-join-other
    Processor: KTABLE-TOSTREAM-0000000009 (stores: [])
      --> KSTREAM-SINK-0000000010
      <-- KTABLE-MERGE-0000000006
    Processor: KTABLE-TOSTREAM-0000000014 (stores: [])
      --> KSTREAM-SINK-0000000015
      <-- lj
    Processor: KTABLE-TOSTREAM-0000000019 (stores: [])
      --> KSTREAM-SINK-0000000020
      <-- KTABLE-MERGE-0000000016
    Sink: KSTREAM-SINK-0000000010 (topic: inner)
      <-- KTABLE-TOSTREAM-0000000009
    Sink: KSTREAM-SINK-0000000015 (topic: left)
      <-- KTABLE-TOSTREAM-0000000014
    Sink: KSTREAM-SINK-0000000020 (topic: outer)
      <-- KTABLE-TOSTREAM-0000000019

`);
  });
});
