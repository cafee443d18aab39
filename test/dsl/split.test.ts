import { describe, expect, it } from 'vitest';
import { Branched, Consumed, Named, StreamBuilder } from '../../src/dsl/index.js';
import { TopologyError } from '../../src/errors/topology-error.js';
import { driverFor, collect, S, STRING_DEFAULTS } from './driver-helpers.js';

describe('KStream.split', () => {
  it('routes each record to the first matching branch, the rest to the default branch', async () => {
    const b = new StreamBuilder();
    const branches = b
      .stream('in', Consumed.with(S, S))
      .split(Named.as('route-'))
      .branch((_k, v) => v.startsWith('a'), Branched.as('a'))
      .branch((_k, v) => v.includes('b'))
      .defaultBranch();
    expect([...branches.keys()]).toEqual(['route-a', 'route-2', 'route-0']);
    branches.get('route-a')!.to('out-a');
    branches.get('route-2')!.to('out-b');
    branches.get('route-0')!.to('out-default');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const outA = collect(driver, 'out-a');
    const outB = collect(driver, 'out-b');
    const outDefault = collect(driver, 'out-default');
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    for (const [i, v] of ['ab', 'bb', 'cc', 'a'].entries()) await input.pipeInput(`k${i}`, v, i);
    // 'ab' matches both predicates but goes only to the first.
    expect(outA()).toEqual(['k0 ab @0', 'k3 a @3']);
    expect(outB()).toEqual(['k1 bb @1']);
    expect(outDefault()).toEqual(['k2 cc @2']);
  });

  it('drops unmatched records without a default branch; unnamed splits use generated prefixes', async () => {
    const b = new StreamBuilder();
    const branches = b
      .stream('in', Consumed.with(S, S))
      .split()
      .branch((_k, v) => v === 'x')
      .noDefaultBranch();
    expect([...branches.keys()]).toEqual(['KSTREAM-BRANCH-00000000011']);
    branches.get('KSTREAM-BRANCH-00000000011')!.to('out');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const outOut = collect(driver, 'out');
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    await input.pipeInput('k', 'y', 1);
    await input.pipeInput('k', 'x', 2);
    expect(outOut()).toEqual(['k x @2']);
  });

  it('withConsumer branches get no map entry; withFunction maps to what the function returns', async () => {
    const b = new StreamBuilder();
    const branches = b
      .stream('in', Consumed.with(S, S))
      .split(Named.as('s-'))
      .branch((_k, v) => v === 'c', Branched.withConsumer((s) => s.to('consumed')))
      .branch((_k, v) => v === 'f', Branched.withFunction((s) => s.mapValues((v) => v.toUpperCase()), 'fn'))
      .branch((_k, v) => v === 'n', Branched.withFunction(() => null))
      .defaultBranch(Branched.as('rest'));
    expect([...branches.keys()]).toEqual(['s-fn', 's-rest']);
    branches.get('s-fn')!.to('upper');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const consumedOut = collect(driver, 'consumed');
    const upperOut = collect(driver, 'upper');
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    for (const v of ['c', 'f', 'n']) await input.pipeInput('k', v, 1);
    expect(consumedOut()).toEqual(['k c @1']);
    expect(upperOut()).toEqual(['k F @1']);
  });

  it('rejects branches after the default branch', () => {
    const b = new StreamBuilder();
    const split = b.stream('in', Consumed.with(S, S)).split();
    split.defaultBranch();
    expect(() => split.branch(() => true)).toThrow(TopologyError);
  });
});
