import { describe, expect, it } from 'vitest';
import { Consumed, Materialized, Named, Produced, StreamBuilder } from '../../src/dsl/index.js';
import type { FixedKeyProcessor, Processor } from '../../src/processor/processor.js';
import type { FixedKeyProcessorContext, ProcessorContext } from '../../src/processor/processor-context.js';
import type { FixedKeyRecord } from '../../src/processor/fixed-key-record.js';
import type { Record } from '../../src/processor/record.js';
import type { KeyValueStore } from '../../src/state/key-value-store.js';
import { Stores } from '../../src/state/stores.js';
import { collect, driverFor, L, S, STRING_DEFAULTS } from './driver-helpers.js';

/** Emits (value, key): a key change the DSL cannot see. */
class Swap implements Processor<string, string, string, string> {
  private ctx!: ProcessorContext<string, string>;
  init(ctx: ProcessorContext<string, string>): void {
    this.ctx = ctx;
  }
  process(r: Record<string, string>): void {
    this.ctx.forward(r.withKey(r.value).withValue(r.key));
  }
}

/** Appends how often the key was seen, counted in store "seen". */
class Seen implements FixedKeyProcessor<string, string, string> {
  private ctx!: FixedKeyProcessorContext<string, string>;
  private store!: KeyValueStore<string, number>;
  init(ctx: FixedKeyProcessorContext<string, string>): void {
    this.ctx = ctx;
    this.store = ctx.getStateStore('seen');
  }
  process(r: FixedKeyRecord<string, string>): void {
    const n = (this.store.get(r.key) ?? 0) + 1;
    this.store.put(r.key, n);
    this.ctx.forward(r.withValue(`${r.value}#${n}`));
  }
}

describe('KStream.process / processValues', () => {
  it('processValues runs a fixed-key processor connected to a store added on the builder', async () => {
    const b = new StreamBuilder();
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('seen'), S, L));
    b.stream('in', Consumed.with(S, S)).processValues(() => new Seen(), Named.as('seen-proc'), 'seen').to('out', Produced.with(S, S));
    const topology = b.build();
    expect(topology.describe().toString()).toContain('Processor: seen-proc (stores: [seen])');
    const driver = driverFor(topology);
    const out = collect(driver, 'out');
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    await input.pipeInput('a', 'x', 1);
    await input.pipeInput('a', 'y', 2);
    expect(out()).toEqual(['a x#1 @1', 'a y#2 @2']);
  });

  it('a supplier may bring its own stores (stores())', async () => {
    const b = new StreamBuilder();
    const supplier = { get: () => new Seen(), stores: () => [Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('seen'), S, L)] };
    b.stream('in', Consumed.with(S, S)).processValues(supplier).to('out', Produced.with(S, S));
    const driver = driverFor(b.build());
    const out = collect(driver, 'out');
    await driver.createInputTopic('in', S.serializer(), S.serializer()).pipeInput('k', 'v', 3);
    expect(out()).toEqual(['k v#1 @3']);
  });

  it('process may change keys, so grouping afterwards repartitions', async () => {
    const b = new StreamBuilder();
    b.stream('in', Consumed.with(S, S))
      .process(() => new Swap())
      .groupByKey()
      .count(Materialized.as('by-value'))
      .toStream()
      .to('out', Produced.with(S, L));
    const topology = b.build(STRING_DEFAULTS);
    expect(topology.describe().toString()).toContain('Processor: KSTREAM-PROCESSOR-0000000001 (stores: [])');
    expect([...topology.internalTopics.keys()]).toEqual(['by-value-repartition']);
    const driver = driverFor(topology);
    const out = collect(driver, 'out', L.deserializer());
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    await input.pipeInput('k1', 'v', 1);
    await input.pipeInput('k2', 'v', 2);
    expect(out()).toEqual(['v 1 @1', 'v 2 @2']);
  });
});
