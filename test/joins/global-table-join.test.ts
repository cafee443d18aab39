import { describe, expect, it } from 'vitest';
import { Consumed, Materialized, Named, StreamBuilder } from '../../src/dsl/index.js';
import type { KeyValueMapper } from '../../src/dsl/index.js';
import { collect, driverFor, J, pipe, STRING_DEFAULTS } from './join-helpers.js';

// Expected outputs and describe() texts: Java Kafka Streams 4.4 (test/joins/java/Joins.java, run.sh).
const productOf: KeyValueMapper<string | null, string | null, string | null> = (_k, v) => (v === null || !v.includes(':') ? null : v.split(':')[0]!);

function basic(): StreamBuilder {
  const b = new StreamBuilder();
  const s = b.stream<string, string>('s');
  const g = b.globalTable<string, string>('g');
  s.join(g, productOf, J).to('inner');
  s.leftJoin(g, productOf, J).to('left');
  return b;
}

describe('KStream-GlobalKTable join', () => {
  it('joins by a computed key; the global store is updated by piping its topic', async () => {
    const driver = driverFor(basic().build(STRING_DEFAULTS));
    const inner = collect(driver, 'inner');
    const left = collect(driver, 'left');
    await pipe(driver, 'g p1 P1 @100', 's k1 p1:a @1', 's k2 p2:b @2', 's - p1:c @3', 's k3 nokey @4', 's k4 - @5', 'g p1 - @6', 's k5 p1:d @7');
    // A null record key is fine (the table key is computed); a null table key is dropped by the
    // inner join and joined with null by the left join; null values are dropped.
    expect(inner()).toEqual(['k1 p1:a+P1 @1', 'null p1:c+P1 @3']);
    expect(left()).toEqual(['k1 p1:a+P1 @1', 'k2 p2:b+null @2', 'null p1:c+P1 @3', 'k3 nokey+null @4', 'k5 p1:d+null @7']);
  });

  it('exposes the global store to the driver', async () => {
    const b = new StreamBuilder();
    const g = b.globalTable<string, string>('g', Materialized.as('products'));
    b.stream<string, string>('s').join(g, productOf, J).to('out');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    await pipe(driver, 'g p1 P1 @1', 'g p2 P2 @2', 'g p1 - @3');
    expect(driver.getKeyValueStore<string, string>('products').get('p2')).toBe('P2');
    expect(driver.getKeyValueStore<string, string>('products').get('p1')).toBeNull();
    expect(driver.getAllStateStores()).toContain('products');
    // Java's queryableStoreName(): the name given, or null for a generated one.
    expect(g.queryableStoreName()).toBe('products');
    expect(new StreamBuilder().globalTable('g').queryableStoreName()).toBeNull();
  });

  it('describe(): the global store is a group of its own; both joins are named KSTREAM-LEFTJOIN', () => {
    expect(basic().build(STRING_DEFAULTS).describe().toString()).toBe(`Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [s])
      --> KSTREAM-LEFTJOIN-0000000004, KSTREAM-LEFTJOIN-0000000006
    Processor: KSTREAM-LEFTJOIN-0000000004 (stores: [])
      --> KSTREAM-SINK-0000000005
      <-- KSTREAM-SOURCE-0000000000
    Processor: KSTREAM-LEFTJOIN-0000000006 (stores: [])
      --> KSTREAM-SINK-0000000007
      <-- KSTREAM-SOURCE-0000000000
    Sink: KSTREAM-SINK-0000000005 (topic: inner)
      <-- KSTREAM-LEFTJOIN-0000000004
    Sink: KSTREAM-SINK-0000000007 (topic: left)
      <-- KSTREAM-LEFTJOIN-0000000006

  Sub-topology: 1 for global store (will not generate tasks)
    Source: KSTREAM-SOURCE-0000000002 (topics: [g])
      --> KTABLE-SOURCE-0000000003
    Processor: KTABLE-SOURCE-0000000003 (stores: [g-STATE-STORE-0000000001])
      --> none
      <-- KSTREAM-SOURCE-0000000002
`);
  });

  it('describe(): named global table and join; the join keeps the repartition flag of a re-keyed stream', () => {
    const b = new StreamBuilder();
    const s = b.stream<string, string>('s');
    const g = b.globalTable<string, string>('g', Consumed.as('products'), Materialized.as('products-store'));
    s.selectKey((_k, v) => v)
      .leftJoin(g, productOf, J, Named.as('enrich'))
      .groupByKey()
      .count()
      .toStream()
      .to('out');
    expect(b.build(STRING_DEFAULTS).describe().toString()).toBe(`Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [s])
      --> KSTREAM-KEY-SELECT-0000000003
    Processor: KSTREAM-KEY-SELECT-0000000003 (stores: [])
      --> enrich
      <-- KSTREAM-SOURCE-0000000000
    Processor: enrich (stores: [])
      --> KSTREAM-FILTER-0000000008
      <-- KSTREAM-KEY-SELECT-0000000003
    Processor: KSTREAM-FILTER-0000000008 (stores: [])
      --> KSTREAM-SINK-0000000007
      <-- enrich
    Sink: KSTREAM-SINK-0000000007 (topic: KSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition)
      <-- KSTREAM-FILTER-0000000008

  Sub-topology: 1 for global store (will not generate tasks)
    Source: products-source (topics: [g])
      --> products
    Processor: products (stores: [products-store])
      --> none
      <-- products-source
  Sub-topology: 2
    Source: KSTREAM-SOURCE-0000000009 (topics: [KSTREAM-AGGREGATE-STATE-STORE-0000000005-repartition])
      --> KSTREAM-AGGREGATE-0000000006
    Processor: KSTREAM-AGGREGATE-0000000006 (stores: [KSTREAM-AGGREGATE-STATE-STORE-0000000005])
      --> KTABLE-TOSTREAM-0000000010
      <-- KSTREAM-SOURCE-0000000009
    Processor: KTABLE-TOSTREAM-0000000010 (stores: [])
      --> KSTREAM-SINK-0000000011
      <-- KSTREAM-AGGREGATE-0000000006
    Sink: KSTREAM-SINK-0000000011 (topic: out)
      <-- KTABLE-TOSTREAM-0000000010

`);
  });
});
