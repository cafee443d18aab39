import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JoinWindows, StreamBuilder, StreamJoined } from '../../src/dsl/index.js';
import { collect, driverFor, J, pipe, STRING_DEFAULTS } from './join-helpers.js';

// Expected outputs and describe() texts: Java Kafka Streams 4.4 (test/joins/java/Joins.java, run.sh).
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/java-describe/${name}.txt`, import.meta.url), 'utf8');
// 10 ms before and after, 5 ms grace: a record is kept 25 ms after the largest time its store saw.
const W = JoinWindows.ofTimeDifferenceAndGrace(10, 5);

describe('KStream-KStream join', () => {
  it('joins within the window; left/outer emit unmatched records only once their window closed', async () => {
    const b = new StreamBuilder();
    const l = b.stream<string, string>('l');
    const r = b.stream<string, string>('r');
    l.join(r, J, W).to('inner');
    l.leftJoin(r, J, W).to('left');
    l.outerJoin(r, J, W).to('outer');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const [inner, left, outer] = [collect(driver, 'inner'), collect(driver, 'left'), collect(driver, 'outer')];
    const at = async (step: string): Promise<string[]> => {
      await pipe(driver, step);
      return [...inner().map((x) => `inner ${x}`), ...left().map((x) => `left ${x}`), ...outer().map((x) => `outer ${x}`)];
    };
    expect(await at('l a L1 @100')).toEqual([]);
    // Output at the later of the two timestamps; the parked L1 found its partner.
    expect(await at('r a R1 @105')).toEqual(['inner a L1+R1 @105', 'left a L1+R1 @105', 'outer a L1+R1 @105']);
    expect(await at('r a R2 @111')).toEqual([]);
    // Late (window [80, 100] already behind stream time 111): emitted at once.
    expect(await at('l a L2 @90')).toEqual(['left a L2+null @90', 'outer a L2+null @90']);
    expect(await at('r b R3 @120')).toEqual([]);
    expect(await at('l c L3 @121')).toEqual([]);
    expect(await at('l a L4 @89')).toEqual(['left a L4+null @89', 'outer a L4+null @89']);
    // L2 and L4 are in [85, 105] but older than the left store's retention (121 - 25): not found.
    expect(await at('r a R4 @95')).toEqual(['inner a L1+R4 @100', 'left a L1+R4 @100', 'outer a L1+R4 @100']);
    expect(await at('l a - @122')).toEqual([]);
    // Null keys: dropped by the inner join, joined with null at once by left and outer joins.
    expect(await at('l - n @123')).toEqual(['left null n+null @123', 'outer null n+null @123']);
    expect(await at('r - m @124')).toEqual(['outer null null+m @124']);
    // Stream time 140 closes the windows of R2 (111 + 10 + 5 < 140), R3 and L3: emitted by time.
    expect(await at('l d L5 @140')).toEqual(['left c L3+null @121', 'outer a null+R2 @111', 'outer b null+R3 @120', 'outer c L3+null @121']);
    expect(await at('r d R5 @150')).toEqual(['inner d L5+R5 @150', 'left d L5+R5 @150', 'outer d L5+R5 @150']);
    expect(await at('r d R6 @151')).toEqual([]);
    expect(await at('l e L6 @200')).toEqual(['outer d null+R6 @151']);
    expect(await at('l z Z @300')).toEqual(['left e L6+null @200', 'outer e L6+null @200']);
  });

  it('asymmetric windows: before(2) after(5) from the left record, mirrored for the right', async () => {
    const b = new StreamBuilder();
    b.stream<string, string>('l')
      .join(b.stream<string, string>('r'), J, JoinWindows.ofTimeDifferenceWithNoGrace(10).before(2).after(5))
      .to('inner');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const inner = collect(driver, 'inner');
    await pipe(driver, 'l a L @100', 'r a R95 @95', 'r a R98 @98', 'r a R105 @105', 'r a R106 @106', 'l a L2 @103');
    // Window boundaries are inclusive: L@100 joins [98, 105]; L2@103 joins [101, 108].
    expect(inner()).toEqual(['a L+R98 @100', 'a L+R105 @105', 'a L2+R105 @105', 'a L2+R106 @106']);
  });

  it('describe() equals Java: stream-stream-join fixture', () => {
    const b = new StreamBuilder();
    const left = b.stream<string, string>('left');
    const right = b.stream<string, string>('right');
    left.join(right, (l, r) => `${l},${r}`, JoinWindows.ofTimeDifferenceWithNoGrace(5 * 60_000)).to('joined');
    expect(b.build(STRING_DEFAULTS).describe().toString()).toBe(fixture('stream-stream-join'));
  });

  it('describe(): named outer join after a key change (StreamJoined name and store name)', () => {
    const b = new StreamBuilder();
    const l = b.stream<string, string>('l').selectKey((_k, v) => v);
    const r = b.stream<string, string>('r');
    l.outerJoin(r, J, W, StreamJoined.as<string, string, string>('st').withName('ss')).to('out');
    expect(b.build(STRING_DEFAULTS).describe().toString()).toBe(`Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [l])
      --> KSTREAM-KEY-SELECT-0000000001
    Processor: KSTREAM-KEY-SELECT-0000000001 (stores: [])
      --> ss-left-repartition-filter
      <-- KSTREAM-SOURCE-0000000000
    Processor: ss-left-repartition-filter (stores: [])
      --> ss-left-repartition-sink
      <-- KSTREAM-KEY-SELECT-0000000001
    Sink: ss-left-repartition-sink (topic: ss-left-repartition)
      <-- ss-left-repartition-filter

  Sub-topology: 1
    Source: KSTREAM-SOURCE-0000000002 (topics: [r])
      --> ss-other-windowed
    Source: ss-left-repartition-source (topics: [ss-left-repartition])
      --> ss-this-windowed
    Processor: ss-other-windowed (stores: [st-outer-other-join-store])
      --> ss-outer-other-join
      <-- KSTREAM-SOURCE-0000000002
    Processor: ss-this-windowed (stores: [st-outer-this-join-store])
      --> ss-outer-this-join
      <-- ss-left-repartition-source
    Processor: ss-outer-other-join (stores: [st-outer-shared-join-store, st-outer-this-join-store])
      --> ss-merge
      <-- ss-other-windowed
    Processor: ss-outer-this-join (stores: [st-outer-shared-join-store, st-outer-other-join-store])
      --> ss-merge
      <-- ss-this-windowed
    Processor: ss-merge (stores: [])
      --> KSTREAM-SINK-0000000011
      <-- ss-outer-this-join, ss-outer-other-join
    Sink: KSTREAM-SINK-0000000011 (topic: out)
      <-- ss-merge

`);
  });

  it('describe(): unnamed left join with a re-keyed right side (outer shared store name)', () => {
    const b = new StreamBuilder();
    const l = b.stream<string, string>('l');
    const r = b.stream<string, string>('r').selectKey((_k, v) => v);
    l.leftJoin(r, J, W).to('out');
    expect(b.build(STRING_DEFAULTS).describe().toString()).toBe(`Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [l])
      --> KSTREAM-WINDOWED-0000000006
    Source: KSTREAM-SOURCE-0000000005 (topics: [KSTREAM-KEY-SELECT-0000000002-repartition])
      --> KSTREAM-WINDOWED-0000000007
    Processor: KSTREAM-WINDOWED-0000000006 (stores: [KSTREAM-JOINTHIS-0000000008-store])
      --> KSTREAM-JOINTHIS-0000000008
      <-- KSTREAM-SOURCE-0000000000
    Processor: KSTREAM-WINDOWED-0000000007 (stores: [KSTREAM-OUTEROTHER-0000000009-store])
      --> KSTREAM-OUTEROTHER-0000000009
      <-- KSTREAM-SOURCE-0000000005
    Processor: KSTREAM-JOINTHIS-0000000008 (stores: [KSTREAM-OUTERSHARED-0000000008-store, KSTREAM-OUTEROTHER-0000000009-store])
      --> KSTREAM-MERGE-0000000010
      <-- KSTREAM-WINDOWED-0000000006
    Processor: KSTREAM-OUTEROTHER-0000000009 (stores: [KSTREAM-JOINTHIS-0000000008-store, KSTREAM-OUTERSHARED-0000000008-store])
      --> KSTREAM-MERGE-0000000010
      <-- KSTREAM-WINDOWED-0000000007
    Processor: KSTREAM-MERGE-0000000010 (stores: [])
      --> KSTREAM-SINK-0000000011
      <-- KSTREAM-JOINTHIS-0000000008, KSTREAM-OUTEROTHER-0000000009
    Sink: KSTREAM-SINK-0000000011 (topic: out)
      <-- KSTREAM-MERGE-0000000010

  Sub-topology: 1
    Source: KSTREAM-SOURCE-0000000001 (topics: [r])
      --> KSTREAM-KEY-SELECT-0000000002
    Processor: KSTREAM-KEY-SELECT-0000000002 (stores: [])
      --> KSTREAM-FILTER-0000000004
      <-- KSTREAM-SOURCE-0000000001
    Processor: KSTREAM-FILTER-0000000004 (stores: [])
      --> KSTREAM-SINK-0000000003
      <-- KSTREAM-KEY-SELECT-0000000002
    Sink: KSTREAM-SINK-0000000003 (topic: KSTREAM-KEY-SELECT-0000000002-repartition)
      <-- KSTREAM-FILTER-0000000004

`);
  });
});
