import { afterEach, describe, expect, it } from 'vitest';
import { Topology } from '../../src/topology/topology.js';
import { Serdes } from '../../src/serdes/serdes.js';
import { Stores } from '../../src/state/stores.js';
import { PunctuationType } from '../../src/processor/punctuation-type.js';
import { Record } from '../../src/processor/record.js';
import type { ProcessorContext } from '../../src/processor/processor-context.js';
import type { KeyValueStore } from '../../src/state/key-value-store.js';
import type { KeyValueBytesStoreSupplier } from '../../src/state/index.js';
import { TopologyTestDriver } from '../../src/testing/topology-test-driver.js';

const S = Serdes.String();
const L = Serdes.Long();
let driver: TopologyTestDriver | undefined;
afterEach(async () => {
  await driver?.close();
  driver = undefined;
});

/** Counts per key in a store; every 100 ms of stream time forwards all counts. */
function countingTopology(supplier: KeyValueBytesStoreSupplier): Topology {
  return new Topology()
    .addSource('src', S.deserializer(), S.deserializer(), 'words')
    .addProcessor('count', () => {
      let store: KeyValueStore<string, number>;
      return {
        init(ctx: ProcessorContext<string, number>) {
          store = ctx.getStateStore('counts');
          ctx.schedule(100, PunctuationType.STREAM_TIME, (t) => {
            for (const { key, value } of store.all()) ctx.forward(new Record(key, value, t));
          });
        },
        process(r: Record<string, string>) {
          store.put(r.value, (store.get(r.value) ?? 0) + 1);
        },
      };
    }, 'src')
    .addStateStore(Stores.keyValueStoreBuilder(supplier, S, L), 'count')
    .addSink('sink', 'counts-out', S.serializer(), L.serializer(), 'count');
}

describe.each([
  ['in-memory', () => Stores.inMemoryKeyValueStore('counts')],
  ['LevelDB', () => Stores.persistentKeyValueStore('counts')],
])('a processor reading and writing a %s store', (_name, supplier) => {
  it('counts, punctuates over the store, and exposes it to the driver', async () => {
    driver = new TopologyTestDriver(countingTopology(supplier()));
    const words = driver.createInputTopic('words', S.serializer(), S.serializer());
    const out = driver.createOutputTopic('counts-out', S.deserializer(), L.deserializer());
    const changelog = driver.createOutputTopic('dummy-topology-test-driver-app-id-counts-changelog', S.deserializer(), L.deserializer());
    // a@0 b@10 a@20 | punctuation at 0 (first record) and 100
    await words.pipeInput(null, 'a', 0);
    await words.pipeInput(null, 'b', 10);
    await words.pipeInput(null, 'a', 20);
    await words.pipeInput(null, 'c', 100);
    expect(out.readKeyValuesToList()).toEqual([
      { key: 'a', value: 1 }, // punctuation at stream time 0 sees the first record
      { key: 'a', value: 2 },
      { key: 'b', value: 1 },
      { key: 'c', value: 1 },
    ]);
    expect(changelog.readKeyValuesToList()).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 1 },
      { key: 'a', value: 2 },
      { key: 'c', value: 1 },
    ]);
    const store = driver.getKeyValueStore<string, number>('counts');
    expect(store.get('a')).toBe(2);
    expect(store.get('zzz')).toBeNull();
    expect(store.approximateNumEntries()).toBe(3);
  });
});

describe('output topics created while piping', () => {
  it('keep the records written from then on (earlier ones were not kept)', async () => {
    driver = new TopologyTestDriver(countingTopology(Stores.persistentKeyValueStore('counts')));
    const words = driver.createInputTopic('words', S.serializer(), S.serializer());
    await words.pipeInput(null, 'a', 0);
    await words.pipeInput(null, 'b', 10);
    const changelog = driver.createOutputTopic('dummy-topology-test-driver-app-id-counts-changelog', S.deserializer(), L.deserializer());
    expect(changelog.isEmpty()).toBe(true);
    await words.pipeInput(null, 'a', 20);
    expect(changelog.readKeyValuesToList()).toEqual([{ key: 'a', value: 2 }]);
  });
});

describe('LevelDB state across driver restarts', () => {
  it('survives close and reopen on the same state folder', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const stateDir = mkdtempSync(join(tmpdir(), 'kstreams-reopen-'));
    try {
      driver = new TopologyTestDriver(countingTopology(Stores.persistentKeyValueStore('counts')), { stateDir });
      const words = driver.createInputTopic('words', S.serializer(), S.serializer());
      await words.pipeValueList(['x', 'y', 'x']);
      await driver.close();
      driver = new TopologyTestDriver(countingTopology(Stores.persistentKeyValueStore('counts')), { stateDir });
      await driver.ready;
      expect(driver.getKeyValueStore<string, number>('counts').get('x')).toBe(2);
    } finally {
      await driver?.close();
      driver = undefined;
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
