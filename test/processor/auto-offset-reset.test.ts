import { Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AutoOffsetReset } from '../../src/processor/auto-offset-reset.js';
import { Consumed, StreamBuilder } from '../../src/dsl/index.js';
import { Topology } from '../../src/topology/topology.js';
import { StreamsError } from '../../src/errors/streams-error.js';
import { Serdes } from '../../src/serdes/serdes.js';

describe('AutoOffsetReset', () => {
  it("is Java's policy object; 'earliest' and 'latest' stand for the same policies", () => {
    expect(AutoOffsetReset.of('latest')).toBe(AutoOffsetReset.latest());
    expect(AutoOffsetReset.of('earliest')).toBe(AutoOffsetReset.earliest());
    expect(AutoOffsetReset.byDuration(Duration.fromObject({ hours: 1 }))).toMatchObject({ type: 'by_duration', durationMs: 3_600_000 });
    expect(AutoOffsetReset.byDuration(5).equals(AutoOffsetReset.byDuration(5))).toBe(true);
    expect(AutoOffsetReset.none().equals(AutoOffsetReset.earliest())).toBe(false);
    expect(String(AutoOffsetReset.byDuration(5))).toBe('by_duration:5ms');
  });

  it('rejects a negative duration and an unknown string with what to use', () => {
    expect(() => AutoOffsetReset.byDuration(-1)).toThrow(StreamsError);
    expect(() => Consumed.withOffsetResetPolicy('oldest' as never)).toThrow(/use AutoOffsetReset.earliest\(\), latest\(\), none\(\) or byDuration/);
  });

  it('is kept on the source (Consumed and addSource alike)', () => {
    const consumed = Consumed.withOffsetResetPolicy('latest');
    expect(consumed.offsetReset).toBe(AutoOffsetReset.latest());
    const topology = new Topology().addSource('src', { offsetReset: AutoOffsetReset.byDuration(10) }, 'in');
    const node = topology.nodes.get('src');
    expect(node?.kind === 'source' && node.offsetReset?.durationMs).toBe(10);
  });

  it('two sources merged over the same topic must agree (equal durations do)', () => {
    const build = (a: AutoOffsetReset, b: AutoOffsetReset): void => {
      const builder = new StreamBuilder();
      builder.stream('in', Consumed.withOffsetResetPolicy(a)).to('a');
      builder.stream('in', Consumed.withOffsetResetPolicy(b)).to('b');
      builder.build({ topologyOptimization: 'all', defaultKeySerde: Serdes.String(), defaultValueSerde: Serdes.String() });
    };
    expect(() => build(AutoOffsetReset.byDuration(5), AutoOffsetReset.byDuration(5))).not.toThrow();
    expect(() => build(AutoOffsetReset.byDuration(5), AutoOffsetReset.latest())).toThrow(/different offset reset policies/);
  });
});
