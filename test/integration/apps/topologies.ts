// Topologies shared by the runtime tests and their child-process apps (no vitest imports here:
// the apps run under `kstreams run`, outside vitest).

/** examples/word-count.ts with the caller's topic names (tests share one broker). */
export { buildTopology as wordCountTopology } from '../../../examples/word-count.js';

import { Serdes } from '../../../src/serdes/serdes.js';
import { Stores } from '../../../src/state/stores.js';
import { Topology } from '../../../src/topology/topology.js';
import type { Record } from '../../../src/processor/record.js';
import type { ProcessorContext } from '../../../src/processor/processor-context.js';
import type { KeyValueStore } from '../../../src/state/key-value-store.js';
import type { TimestampExtractor } from '../../../src/processor/timestamp-extractor.js';

/**
 * Rates (currency -> rate) kept in a read-only store fed from `rates`; orders (currency ->
 * amount) from `orders` priced with them into `output` as `"<amount> x <rate or ?>"`.
 */
export function pricingTopology(rates: string, orders: string, output: string, extractor: TimestampExtractor | null = null): Topology {
  const S = Serdes.String();
  const builder = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('rates'), S, S);
  const update = () => {
    let store: KeyValueStore<string, string>;
    return {
      init: (ctx: ProcessorContext<void, void>) => void (store = ctx.getStateStore('rates')),
      process: (r: Record<string, string>) => store.put(r.key, r.value),
    };
  };
  const topology =
    extractor === null
      ? new Topology().addReadOnlyStateStore(builder, 'rates-source', S.deserializer(), S.deserializer(), rates, 'rates-updater', update)
      : new Topology().addReadOnlyStateStore(builder, 'rates-source', extractor, S.deserializer(), S.deserializer(), rates, 'rates-updater', update);
  return topology
    .addSource('orders', S.deserializer(), S.deserializer(), orders)
    .addProcessor('price', () => {
      let ctx: ProcessorContext<string, string>;
      let store: KeyValueStore<string, string>;
      return {
        init(c: ProcessorContext<string, string>) {
          ctx = c;
          store = c.getStateStore('rates');
        },
        process: (r: Record<string, string>) => ctx.forward(r.withValue(`${r.value} x ${store.get(r.key) ?? '?'}`)),
      };
    }, 'orders')
    .connectProcessorAndStateStores('price', 'rates')
    .addSink('sink', output, S.serializer(), S.serializer(), 'price');
}
