import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Topology } from '../../src/topology/topology.js';
import { Serdes } from '../../src/serdes/serdes.js';
import { Stores } from '../../src/state/stores.js';
import { javaHashOrder, javaStringHash } from '../../src/topology/java-collections.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/java-describe/${name}.txt`, import.meta.url), 'utf8');
const noop = () => ({ process: () => undefined });

describe('Topology.describe()', () => {
  it("prints a hand-built topology with two sub-topologies exactly as Java's", () => {
    const S = Serdes.String();
    const topology = new Topology()
      .addSource('src-a', 'a')
      .addProcessor('proc-a', noop, 'src-a')
      .addSink('sink-a', 'b', 'proc-a')
      .addSource('src-b', 'b')
      .addProcessor('proc-b', noop, 'src-b')
      .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('store-b'), S, S), 'proc-b')
      .addSink('sink-c', 'c', 'proc-b');
    expect(topology.describe().toString()).toBe(fixture('two-subtopologies-papi'));
    expect(topology.subtopologies().map((s) => s.nodes)).toEqual([
      ['src-a', 'proc-a', 'sink-a'],
      ['src-b', 'proc-b', 'sink-c'],
    ]);
  });

  it('orders successors by sub-tree size, then name (the split fixture, built by hand)', () => {
    const topology = new Topology().addSource('KSTREAM-SOURCE-0000000000', 'input').addProcessor('branch-', noop, 'KSTREAM-SOURCE-0000000000');
    for (const [branch, sink, topic] of [
      ['branch-a', 'KSTREAM-SINK-0000000005', 'output-a'],
      ['branch-2', 'KSTREAM-SINK-0000000006', 'output-b'],
      ['branch-0', 'KSTREAM-SINK-0000000007', 'output-default'],
    ] as const) {
      topology.addProcessor(branch, noop, 'branch-').addSink(sink, topic, branch);
    }
    expect(topology.describe().toString()).toBe(fixture('split'));
  });

  it('joins processors that share a store into one sub-topology', () => {
    const S = Serdes.String();
    const topology = new Topology()
      .addSource('s1', 't1')
      .addSource('s2', 't2')
      .addProcessor('p1', noop, 's1')
      .addProcessor('p2', noop, 's2')
      .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('shared'), S, S), 'p1', 'p2');
    expect(topology.subtopologies()).toHaveLength(1);
    expect(topology.describe().toString()).toContain('Processor: p1 (stores: [shared])');
  });

  it('prints pattern sources and rejects bad wiring with what to do', () => {
    const topology = new Topology().addSource('src', /orders-.*/).addSink('sink', 'out', 'src');
    expect(topology.describe().toString()).toContain('Source: src (topics: orders-.*)');
    expect(() => topology.addProcessor('p', noop, 'missing')).toThrow(/Parent "missing" of "p" has not been added yet/);
    expect(() => topology.addProcessor('p', noop, 'sink')).toThrow(/Sink "sink" cannot be the parent/);
    expect(() => topology.addSource('src', 'x')).toThrow(/already added/);
    const shared = { process: () => undefined };
    expect(() => topology.addProcessor('q', () => shared, 'src')).toThrow(/must return a new processor each time/);
  });
});

describe('Java collection order', () => {
  it("matches Java's String.hashCode", () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('KSTREAM-SOURCE-0000000000')).toBe(Number(BigInt.asIntN(32, [...'KSTREAM-SOURCE-0000000000'].reduce((h, c) => h * 31n + BigInt(c.charCodeAt(0)), 0n))));
  });

  it('orders a HashSet by bucket, then insertion', () => {
    // "b" (98) lands in bucket 2 and "a" (97) in bucket 1 of a 16-slot table.
    expect(javaHashOrder(['b', 'a'])).toEqual(['a', 'b']);
  });
});
