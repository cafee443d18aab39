// Join workloads (issue 7, PERF.md W4): enrichment against a 100k-key table through the
// TopologyTestDriver on LevelDB stores: a stream-table join, a global-table join, and the full
// example (two re-keys and two table joins).
import { buildTopology, config, type Order, type Product, type User } from '../examples/enrichment.js';
import { Consumed, Produced, StreamBuilder } from '../src/dsl/index.js';
import { Serdes } from '../src/serdes/serdes.js';
import { KeyValue } from '../src/state/key-value.js';
import type { TestInputTopic } from '../src/testing/test-input-topic.js';
import { TopologyTestDriver } from '../src/testing/topology-test-driver.js';
import type { Topology } from '../src/topology/topology.js';
import type { Workload } from './harness.js';

const TABLE_KEYS = 100_000;
const USERS = 10_000;
const ORDERS = 50_000;
const S = Serdes.String();

/** Deterministic pseudo-random ints in [0, n). */
function randoms(count: number, n: number, seed = 42): number[] {
  let s = seed;
  return Array.from({ length: count }, () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % n);
}

const product = (i: number): Product => ({ product_id: `p${i}`, name: `product-${i}`, price: (i % 1000) / 10 });
const user = (i: number): User => ({ user_id: `u${i}`, name: `user-${i}`, email: `u${i}@example.com` });
const orders = (): Order[] => randoms(ORDERS, TABLE_KEYS).map((p, i) => ({ order_id: `o${i}`, product_id: `p${p}`, user_id: `u${p % USERS}`, quantity: 1 + (i % 3) }));

/** A driver with the tables loaded, ready for orders; `keyOf` picks the order stream's key. */
function enrichment(id: string, title: string, topology: () => Topology, keyOf: (o: Order) => string): Workload {
  const data = orders();
  let driver: TopologyTestDriver;
  let input: TestInputTopic<string, Order>;
  return {
    id,
    title,
    unit: 'orders',
    async setup() {
      driver = new TopologyTestDriver(topology(), { ...config, initialWallClockTimeMs: 0 });
      await driver.ready;
      const products = driver.createInputTopic('products', S.serializer(), Serdes.Json<Product>().serializer(), 0, 0);
      await products.pipeKeyValueList(Array.from({ length: TABLE_KEYS }, (_, i) => KeyValue.pair(`p${i}`, product(i))));
      const users = driver.createInputTopic('users', S.serializer(), Serdes.Json<User>().serializer(), 0, 0);
      await users.pipeKeyValueList(Array.from({ length: USERS }, (_, i) => KeyValue.pair(`u${i}`, user(i))));
      input = driver.createInputTopic('orders', S.serializer(), Serdes.Json<Order>().serializer(), 1, 1);
    },
    async run() {
      driver.createOutputTopic('enriched-orders', S.deserializer(), Serdes.Json().deserializer());
      await input.pipeKeyValueList(data.map((o) => KeyValue.pair(keyOf(o), o)));
      // Drop what was captured so memory stays flat across runs.
      driver.createOutputTopic('enriched-orders', S.deserializer(), Serdes.Json().deserializer()).readRecordsToList();
      return data.length;
    },
    teardown: () => driver.close(),
  };
}

/** Orders already keyed by product joined with a 100k-key products table (one lookup per order). */
function streamTableTopology(global: boolean): Topology {
  const b = new StreamBuilder();
  const J = Serdes.Json<Product>();
  const orderStream = b.stream('orders', Consumed.with(S, Serdes.Json<Order>()));
  const joined = global
    ? orderStream.join(b.globalTable('products', Consumed.with(S, J)), (_k, o) => o.product_id, (o, p) => ({ ...o, product: p }))
    : orderStream.join(b.table('products', Consumed.with(S, J)), (o, p) => ({ ...o, product: p }));
  joined.to('enriched-orders', Produced.with(S, Serdes.Json()));
  // The users topic is piped too (the setup is shared): read it into a table nobody joins.
  b.table('users', Consumed.with(S, Serdes.Json<User>()));
  return b.build(config);
}

export function streamTableJoin(): Workload {
  return enrichment(
    'driver-stream-table-join',
    'stream-table join, 100k-key table (LevelDB, cached), JSON values',
    () => streamTableTopology(false),
    (o) => o.product_id,
  );
}

export function globalTableJoin(): Workload {
  return enrichment(
    'driver-global-table-join',
    'stream-globalTable join, 100k-key global table (LevelDB), JSON values',
    () => streamTableTopology(true),
    (o) => o.order_id,
  );
}

export function exampleEnrichment(): Workload {
  return enrichment(
    'driver-enrichment-example',
    'examples/enrichment.ts: 2 re-keys + 2 table joins (100k products, 10k users)',
    () => buildTopology(),
    (o) => o.order_id,
  );
}

/** Loading the 100k-key table itself (upserts into a cached LevelDB store). */
export function tableLoad(): Workload {
  const rows = Array.from({ length: TABLE_KEYS }, (_, i) => KeyValue.pair(`p${i}`, product(i)));
  let driver: TopologyTestDriver;
  let input: TestInputTopic<string, Product>;
  return {
    id: 'driver-table-load',
    title: 'table upserts, 100k keys (LevelDB, cached, logged)',
    unit: 'rows',
    async setup() {
      driver = new TopologyTestDriver(streamTableTopology(false), { ...config, initialWallClockTimeMs: 0 });
      await driver.ready;
      input = driver.createInputTopic('products', S.serializer(), Serdes.Json<Product>().serializer(), 0, 0);
    },
    async run() {
      await input.pipeKeyValueList(rows);
      return rows.length;
    },
    teardown: () => driver.close(),
  };
}
