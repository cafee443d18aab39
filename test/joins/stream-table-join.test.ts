import { describe, expect, it } from 'vitest';
import { Joined, StreamBuilder } from '../../src/dsl/index.js';
import { collect, driverFor, J, pipe, STRING_DEFAULTS } from './join-helpers.js';

// Expected outputs and describe() texts: Java Kafka Streams 4.4 (test/joins/java/Joins.java, run.sh).
describe('KStream-KTable join', () => {
  it('looks the table up when a stream record arrives; table updates never emit (inner and left)', async () => {
    const b = new StreamBuilder();
    const s = b.stream<string, string>('s');
    const t = b.table<string, string>('t');
    s.join(t, J).to('inner');
    s.leftJoin(t, J).to('left');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const inner = collect(driver, 'inner');
    const left = collect(driver, 'left');
    await pipe(driver, 't a A1 @10', 's a x @5', 's b y @6', 't a A2 @20', 's a z @15', 't a - @30', 's a w @31', 's - n @32', 's a - @33', 't b B1 @1', 's b v @2');
    // The output keeps the stream record's timestamp, whatever the table row's.
    expect(inner()).toEqual(['a x+A1 @5', 'a z+A2 @15', 'b v+B1 @2']);
    // A left join emits a null-key record joined with null (KIP-962); null values are dropped.
    expect(left()).toEqual(['a x+A1 @5', 'b y+null @6', 'a z+A2 @15', 'a w+null @31', 'null n+null @32', 'b v+B1 @2']);
  });

  it('repartitions a re-keyed stream first; a left join downstream keeps null keys in the repartition', async () => {
    const b = new StreamBuilder();
    const s = b.stream<string, string>('s').selectKey((_k, v) => (v.startsWith('nil') ? null : v.slice(0, 1)));
    const t = b.table<string, string>('t');
    s.join(t, J, Joined.as('j')).to('inner');
    s.leftJoin(t, J).to('left');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const inner = collect(driver, 'inner');
    const left = collect(driver, 'left');
    await pipe(driver, 't a A @1', 's k1 ax @2', 's k2 bx @3', 's k3 nil @4');
    expect(inner()).toEqual(['a ax+A @2']);
    expect(left()).toEqual(['a ax+A @2', 'b bx+null @3', 'null nil+null @4']);
  });

  it('describe(): a stream joined twice after one key change shares one repartition topic', () => {
    const b = new StreamBuilder();
    const s = b.stream<string, string>('s').selectKey((_k, v) => v.slice(0, 1));
    const t = b.table<string, string>('t');
    s.join(t, J, Joined.as('j')).to('inner');
    s.leftJoin(t, J).to('left');
    expect(b.build(STRING_DEFAULTS).describe().toString()).toBe(`Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [s])
      --> KSTREAM-KEY-SELECT-0000000001
    Processor: KSTREAM-KEY-SELECT-0000000001 (stores: [])
      --> j-repartition-filter
      <-- KSTREAM-SOURCE-0000000000
    Processor: j-repartition-filter (stores: [])
      --> j-repartition-sink
      <-- KSTREAM-KEY-SELECT-0000000001
    Sink: j-repartition-sink (topic: j-repartition)
      <-- j-repartition-filter

  Sub-topology: 1
    Source: j-repartition-source (topics: [j-repartition])
      --> KSTREAM-LEFTJOIN-0000000013, j
    Processor: KSTREAM-LEFTJOIN-0000000013 (stores: [t-STATE-STORE-0000000002])
      --> KSTREAM-SINK-0000000014
      <-- j-repartition-source
    Source: KSTREAM-SOURCE-0000000003 (topics: [t])
      --> KTABLE-SOURCE-0000000004
    Processor: j (stores: [t-STATE-STORE-0000000002])
      --> KSTREAM-SINK-0000000009
      <-- j-repartition-source
    Sink: KSTREAM-SINK-0000000009 (topic: inner)
      <-- j
    Sink: KSTREAM-SINK-0000000014 (topic: left)
      <-- KSTREAM-LEFTJOIN-0000000013
    Processor: KTABLE-SOURCE-0000000004 (stores: [t-STATE-STORE-0000000002])
      --> none
      <-- KSTREAM-SOURCE-0000000003

`);
  });

  it('describe(): an unnamed inner join after a key change; the repartition drops null keys', () => {
    const b = new StreamBuilder();
    const s = b.stream<string, string>('s').selectKey((_k, v) => v.slice(0, 1));
    s.join(b.table<string, string>('t'), J).to('inner');
    expect(b.build(STRING_DEFAULTS).describe().toString()).toBe(`Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [s])
      --> KSTREAM-KEY-SELECT-0000000001
    Processor: KSTREAM-KEY-SELECT-0000000001 (stores: [])
      --> KSTREAM-FILTER-0000000006
      <-- KSTREAM-SOURCE-0000000000
    Processor: KSTREAM-FILTER-0000000006 (stores: [])
      --> KSTREAM-SINK-0000000005
      <-- KSTREAM-KEY-SELECT-0000000001
    Sink: KSTREAM-SINK-0000000005 (topic: KSTREAM-KEY-SELECT-0000000001-repartition)
      <-- KSTREAM-FILTER-0000000006

  Sub-topology: 1
    Source: KSTREAM-SOURCE-0000000007 (topics: [KSTREAM-KEY-SELECT-0000000001-repartition])
      --> KSTREAM-JOIN-0000000008
    Processor: KSTREAM-JOIN-0000000008 (stores: [t-STATE-STORE-0000000002])
      --> KSTREAM-SINK-0000000009
      <-- KSTREAM-SOURCE-0000000007
    Source: KSTREAM-SOURCE-0000000003 (topics: [t])
      --> KTABLE-SOURCE-0000000004
    Sink: KSTREAM-SINK-0000000009 (topic: inner)
      <-- KSTREAM-JOIN-0000000008
    Processor: KTABLE-SOURCE-0000000004 (stores: [t-STATE-STORE-0000000002])
      --> none
      <-- KSTREAM-SOURCE-0000000003

`);
  });

  it('reads a filtered and mapped table through its unmaterialized operators (value getters)', async () => {
    const program = () => {
      const b = new StreamBuilder();
      const t = b
        .table<string, string>('t')
        .filter((_k, v) => !v.startsWith('x'))
        .mapValues((v) => v.toUpperCase());
      b.stream<string, string>('s').join(t, J).to('inner');
      return b.build(STRING_DEFAULTS);
    };
    expect(program().describe().toString()).toBe(`Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000001 (topics: [t])
      --> KTABLE-SOURCE-0000000002
    Source: KSTREAM-SOURCE-0000000005 (topics: [s])
      --> KSTREAM-JOIN-0000000006
    Processor: KTABLE-SOURCE-0000000002 (stores: [t-STATE-STORE-0000000000])
      --> KTABLE-FILTER-0000000003
      <-- KSTREAM-SOURCE-0000000001
    Processor: KSTREAM-JOIN-0000000006 (stores: [t-STATE-STORE-0000000000])
      --> KSTREAM-SINK-0000000007
      <-- KSTREAM-SOURCE-0000000005
    Processor: KTABLE-FILTER-0000000003 (stores: [])
      --> KTABLE-MAPVALUES-0000000004
      <-- KTABLE-SOURCE-0000000002
    Sink: KSTREAM-SINK-0000000007 (topic: inner)
      <-- KSTREAM-JOIN-0000000006
    Processor: KTABLE-MAPVALUES-0000000004 (stores: [])
      --> none
      <-- KTABLE-FILTER-0000000003

`);
    const driver = driverFor(program());
    const inner = collect(driver, 'inner');
    await pipe(driver, 't a a1 @1', 's a 1 @2', 't a x2 @3', 's a 2 @4', 't b b1 @5', 's b 3 @6');
    expect(inner()).toEqual(['a 1+A1 @2', 'b 3+B1 @6']);
  });
});
