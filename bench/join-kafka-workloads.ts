// End-to-end join workloads (issue 7, PERF.md W4) on a real broker (KAFKA_BOOTSTRAP, e.g. from
// `npm run kafka`): 100k products and 200k orders preloaded into 3-partition topics, then a
// fresh application is started from `earliest` and timed until every enriched order is out
// (drain mode). The table is read from the topic first, as a new instance would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Consumed, Produced, StreamBuilder } from '../src/dsl/index.js';
import { KafkaStreams } from '../src/runtime/kafka-streams.js';
import { KafkajsEngine } from '../src/runtime/kafka/kafkajs-engine.js';
import { KAFKA_CLIENT_CONFIG_KEYS } from '../src/runtime/kafka/kafka-client.js';
import { EMPTY_HEADERS } from '../src/processor/headers.js';
import { resolveStreamsConfig } from '../src/runtime/streams-config.js';
import { Serdes } from '../src/serdes/serdes.js';
import type { Topology } from '../src/topology/topology.js';
import type { Workload } from './harness.js';

const PRODUCTS = 100_000;
const ORDERS = 200_000;
const PARTITIONS = 3;
const S = Serdes.String();

interface Topics {
  readonly products: string;
  readonly orders: string;
}

function bootstrap(): string {
  const b = process.env.KAFKA_BOOTSTRAP;
  if (!b) throw new Error('The joins-kafka bench needs a broker: start one with `npm run kafka` and set KAFKA_BOOTSTRAP.');
  return b;
}

function engine(): KafkajsEngine {
  return KafkajsEngine.fromConfig(resolveStreamsConfig({ applicationId: 'bench-joins', bootstrapServers: bootstrap() }, KAFKA_CLIENT_CONFIG_KEYS));
}

/** Creates and fills the input topics once (murmur2-partitioned, as the join expects). */
async function preload(e: KafkajsEngine, topics: Topics): Promise<void> {
  const admin = e.admin();
  await admin.createTopics([topics.products, topics.orders].map((name) => ({ name, numPartitions: PARTITIONS })));
  const producer = e.producer();
  const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
  for (let i = 0; i < PRODUCTS; i++) {
    producer.send({ topic: topics.products, partition: null, key: Buffer.from(`p${i}`), value: json({ product_id: `p${i}`, name: `product-${i}`, price: i % 1000 }), headers: EMPTY_HEADERS, timestamp: 1 });
    if (producer.buffered >= 20_000) await producer.flush();
  }
  let seed = 42;
  for (let i = 0; i < ORDERS; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const product = `p${seed % PRODUCTS}`;
    producer.send({ topic: topics.orders, partition: null, key: Buffer.from(product), value: json({ order_id: `o${i}`, product_id: product, quantity: 1 + (i % 3) }), headers: EMPTY_HEADERS, timestamp: 1000 + i });
    if (producer.buffered >= 20_000) await producer.flush();
  }
  await producer.flush();
  await producer.close();
  await admin.close();
}

function topology(topics: Topics, output: string, global: boolean): Topology {
  const b = new StreamBuilder();
  const orders = b.stream(topics.orders, Consumed.with(S, Serdes.Json<{ product_id: string }>()));
  // Left joins: one output per order even if an order overtakes its product (the count ends the run).
  const joined = global
    ? orders.leftJoin(b.globalTable(topics.products, Consumed.with(S, Serdes.Json())), (_k, o) => o.product_id, (o, p) => ({ ...o, product: p }))
    : orders.leftJoin(b.table(topics.products, Consumed.with(S, Serdes.Json())), (o, p) => ({ ...o, product: p }));
  joined.to(output, Produced.with(S, Serdes.Json()));
  return b.build();
}

/** Orders enriched per second, from `start()` of a fresh application to the last output record. */
function endToEnd(id: string, title: string, global: boolean, shared: { topics: Topics | null }): Workload {
  const e = engine();
  let run = 0;
  return {
    id,
    title,
    unit: 'orders',
    async setup() {
      if (shared.topics === null) {
        const stamp = Date.now().toString(36);
        shared.topics = { products: `bench-products-${stamp}`, orders: `bench-orders-${stamp}` };
        await preload(e, shared.topics);
      }
    },
    async run() {
      const topics = shared.topics!;
      const output = `${topics.orders}-${id}-${run++}`;
      const admin = e.admin();
      await admin.createTopics([{ name: output, numPartitions: PARTITIONS }]);
      const stateDir = mkdtempSync(join(tmpdir(), 'kstreams-bench-'));
      const streams = new KafkaStreams(topology(topics, output, global), {
        applicationId: `bench-${output}`,
        bootstrapServers: bootstrap(),
        stateDir,
        commitIntervalMs: 1000,
      });
      try {
        await streams.start();
        for (;;) {
          const ends = await admin.endOffsets([output]);
          const total = [...ends.values()].reduce((n, o) => n + o, 0n);
          if (total >= BigInt(ORDERS)) break;
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        await streams.close();
        await admin.close();
        rmSync(stateDir, { recursive: true, force: true });
      }
      return ORDERS;
    },
  };
}

/** The stream-table and global-table enrichments, sharing one preloaded pair of topics. */
export function endToEndJoins(): Workload[] {
  const shared = { topics: null as Topics | null };
  return [
    endToEnd('kafka-stream-table-join', 'end to end: orders x 100k-key table, 3 partitions (table restored from its topic first)', false, shared),
    endToEnd('kafka-global-table-join', 'end to end: orders x 100k-key global table, 3 partitions (bootstrapped before processing)', true, shared),
  ];
}
