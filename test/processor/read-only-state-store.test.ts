// Topology.addReadOnlyStateStore (Java's KIP-813) through the driver: the store is fed from
// its own topic by the update processor and read by processors of the same sub-topology.
import { afterEach, describe, expect, it } from 'vitest';
import { Topology } from '../../src/topology/topology.js';
import { Serdes } from '../../src/serdes/serdes.js';
import { Stores } from '../../src/state/stores.js';
import type { TimestampExtractor } from '../../src/processor/timestamp-extractor.js';
import { TopologyError } from '../../src/errors/topology-error.js';
import { TopologyTestDriver } from '../../src/testing/topology-test-driver.js';
import { pricingTopology } from '../integration/apps/topologies.js';

const S = Serdes.String();
let driver: TopologyTestDriver | undefined;
afterEach(async () => {
  await driver?.close();
  driver = undefined;
});

const pricing = (extractor: TimestampExtractor | null = null): Topology => pricingTopology('rates', 'orders', 'priced', extractor);

describe('Topology.addReadOnlyStateStore', () => {
  it('feeds the store from its topic through the update processor; other processors read it', async () => {
    driver = new TopologyTestDriver(pricing());
    const rates = driver.createInputTopic('rates', S.serializer(), S.serializer());
    const orders = driver.createInputTopic('orders', S.serializer(), S.serializer());
    const priced = driver.createOutputTopic('priced', S.deserializer(), S.deserializer());
    await rates.pipeInput('EUR', '1.1', 1);
    await orders.pipeInput('EUR', '10', 2);
    await orders.pipeInput('GBP', '5', 3);
    await rates.pipeInput('GBP', '1.3', 4);
    await orders.pipeInput('GBP', '7', 5);
    expect(priced.readKeyValuesToList().map((kv) => `${kv.key} ${kv.value}`)).toEqual(['EUR 10 x 1.1', 'GBP 5 x ?', 'GBP 7 x 1.3']);
    expect(driver.getKeyValueStore<string, string>('rates').get('GBP')).toBe('1.3');
  });

  it("describe(): the source, the update processor owning the store, and its readers in one sub-topology (Java's text)", () => {
    // Printed by Java Kafka Streams 4.4 for the same Topology calls.
    expect(pricing().describe().toString()).toBe(`Topologies:
   Sub-topology: 0
    Source: orders (topics: [orders])
      --> price
    Processor: price (stores: [rates])
      --> sink
      <-- orders
    Source: rates-source (topics: [rates])
      --> rates-updater
    Processor: rates-updater (stores: [rates])
      --> none
      <-- rates-source
    Sink: sink (topic: priced)
      <-- price

`);
  });

  it('takes a timestamp extractor; the topic is the changelog (no -changelog topic), read from the beginning', () => {
    const topology = pricing(() => 42);
    const source = topology.nodes.get('rates-source');
    expect(source?.kind === 'source' && [source.timestampExtractor !== null, source.offsetReset?.type]).toEqual([true, 'earliest']);
    expect(topology.sourceChangelogs.get('rates')).toBe('rates');
    expect(topology.stores.get('rates')?.builder.loggingEnabled).toBe(false);
  });

  it('refuses a store name already added', () => {
    const builder = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('rates'), S, S);
    const topology = new Topology().addSource('s', 'in').addProcessor('p', () => ({ process: () => undefined }), 's').addStateStore(builder, 'p');
    expect(() => topology.addReadOnlyStateStore(builder, 'rs', S.deserializer(), S.deserializer(), 'rates', 'ru', () => ({ process: () => undefined }))).toThrow(TopologyError);
  });
});
