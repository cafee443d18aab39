import { describe, expect, it } from 'vitest';
import { Materialized, Named, Produced, StreamBuilder } from '../../src/dsl/index.js';
import type { ValueTransformerContext, ValueTransformerWithKey } from '../../src/processor/value-transformer-with-key.js';
import type { KeyValueStore } from '../../src/state/key-value-store.js';
import { KeyValue } from '../../src/state/key-value.js';
import { Stores } from '../../src/state/stores.js';
import { TopologyError } from '../../src/errors/topology-error.js';
import { Headers } from '../../src/processor/headers.js';
import { TestRecord } from '../../src/testing/test-record.js';
import { collect, driverFor, L, S, STRING_DEFAULTS } from './driver-helpers.js';

// Expected outputs were produced by Java's TopologyTestDriver (test/dsl/java/Behaviour.java, B14 and B15).

/** Counts its calls per key in the "seen" store and tags each value with the count (deletes stay deletes). */
class Counting implements ValueTransformerWithKey<string, string, string> {
  private seen!: KeyValueStore<string, string>;
  init(context: ValueTransformerContext): void {
    this.seen = context.getStateStore('seen');
  }
  transform(key: string, value: string | null): string | null {
    const n = String(Number(this.seen.get(key) ?? '0') + 1);
    this.seen.put(key, n);
    return value === null ? null : `${value}#${n}`;
  }
}

/** Upper-cases with the record's timestamp; turns the delete of key "keep" into a row. */
class Upper implements ValueTransformerWithKey<string, string, string> {
  private context!: ValueTransformerContext;
  init(context: ValueTransformerContext): void {
    this.context = context;
  }
  transform(key: string, value: string | null): string | null {
    if (value === null) return key === 'keep' ? `gone@${this.context.timestamp()}` : null;
    return `${value.toUpperCase()}@${this.context.timestamp()}`;
  }
}

describe('KTable.transformValues', () => {
  it('unmaterialized: called for deletes, for old values (groupBy needs them) and by a join reading the table', async () => {
    const b = new StreamBuilder();
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('seen'), S, S));
    const t = b.table<string, string>('t');
    const x = t.transformValues(() => new Counting(), 'seen');
    x.toStream().to('out');
    x.groupBy((k, v) => KeyValue.pair(v.slice(0, 1), k)).count().toStream().to('count', Produced.with(S, L));
    b.stream<string, string>('s').join(t.transformValues(() => new Upper()), (v, r) => `${v}/${r}`).to('joined');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const out = collect(driver, 'out');
    const count = collect(driver, 'count', L.deserializer());
    const joined = collect(driver, 'joined');
    const tIn = driver.createInputTopic('t', S.serializer(), S.serializer());
    const sIn = driver.createInputTopic('s', S.serializer(), S.serializer());
    await tIn.pipeInput('a', 'x', 1);
    await tIn.pipeInput('b', 'y', 2);
    await sIn.pipeInput('a', '1', 3);
    await tIn.pipeInput('a', 'z', 4);
    await sIn.pipeInput('a', '2', 5);
    await tIn.pipeInput('a', null, 6);
    await sIn.pipeInput('a', '3', 7);
    await sIn.pipeInput('b', '4', 8);
    await sIn.pipeInput('c', '5', 9);
    // Each update calls the transformer for the new value, then for the old one.
    expect(out()).toEqual(['a x#1 @1', 'b y#1 @2', 'a z#3 @4', 'a null @6']);
    expect(count()).toEqual(['x 1 @1', 'y 1 @2', 'x 0 @4', 'z 1 @4', 'z 0 @6']);
    // The join's own transformer sees the stored row's timestamp.
    expect(joined()).toEqual(['a 1/X@1 @3', 'a 2/Z@4 @5', 'b 4/Y@2 @8']);
  });

  it('materialized: the result is stored (a delete may become a row) and emitted through the store', async () => {
    const b = new StreamBuilder();
    const up = b.table<string, string>('t').transformValues(() => new Upper(), Materialized.as<string, string>('up'));
    up.toStream().to('out');
    expect(up.queryableStoreName()).toBe('up');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const out = collect(driver, 'out');
    const input = driver.createInputTopic('t', S.serializer(), S.serializer());
    await input.pipeInput('a', 'x', 1);
    await input.pipeInput('keep', 'k', 2);
    await input.pipeInput('a', null, 3);
    await input.pipeInput('keep', null, 4);
    await input.pipeInput('a', 'w', 5);
    expect(out()).toEqual(['a X@1 @1', 'keep K@2 @2', 'a null @3', 'keep gone@4 @4', 'a W@5 @5']);
    const store = driver.getKeyValueStore<string, string>('up');
    expect([store.get('a'), store.get('keep')]).toEqual(['W@5', 'gone@4']);
  });

  it('sees the record headers and metadata; forward() throws; close() runs with the task', async () => {
    const seen: string[] = [];
    let closed = 0;
    const b = new StreamBuilder();
    b.table<string, string>('t')
      .transformValues<string>({
        get: () => {
          let context: ValueTransformerContext;
          return {
            init: (c) => (context = c),
            transform: (key, value) => {
              const m = context.recordMetadata();
              seen.push(`${key} ${m?.topic}@${m?.offset} h=${context.headers().lastHeader('h')?.value?.toString() ?? '-'}`);
              if (value === 'boom') context.forward();
              return value;
            },
            close: () => closed++,
          };
        },
      }, Named.as('tv'))
      .toStream()
      .to('out');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const input = driver.createInputTopic('t', S.serializer(), S.serializer());
    await input.pipeInput('a', 'v', 1);
    await input.pipeRecord(new TestRecord('b', 'v', 2, new Headers({ h: 'x' })));
    await expect(input.pipeInput('c', 'boom', 3)).rejects.toThrow(/forward\(\) is not supported.*Return the new value from transform\(\)/);
    expect(seen).toEqual(['a t@0 h=-', 'b t@1 h=x', 'c t@2 h=-']);
    await driver.close();
    expect(closed).toBe(1);
  });

  it("closes the transformer of a join's getter with the task, beside the table's own", async () => {
    let closed = 0;
    const b = new StreamBuilder();
    const t = b.table<string, string>('t').transformValues(() => ({ transform: (_k: string, v: string | null) => v, close: () => void closed++ }));
    b.stream<string, string>('s').join(t, (v, r) => `${v}/${r}`).to('joined');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    await driver.close();
    expect(closed).toBe(2);
  });

  it('takes Materialized, then Named, then store names; anything else out of place is an error', () => {
    const t = new StreamBuilder().table<string, string>('t');
    const tv = (): ValueTransformerWithKey<string, string, string> => ({ transform: (_k, v) => v });
    expect(() => t.transformValues(tv, Named.as('n') as never, Materialized.as('m') as never)).toThrow(TopologyError);
    expect(() => t.transformValues(tv, '')).toThrow(/a Materialized, then a Named, go first/);
  });
});
