// The enrichment example (examples/enrichment.ts) on the real broker, 3 partitions per topic:
// the KTable variant (two repartitions, co-partitioned with the tables) and the GlobalKTable
// variant (tables read in full before processing, then followed); and the start-up error of a
// join whose input topics are not co-partitioned.
import { afterAll, describe, expect, it } from 'vitest';
import { buildGlobalTopology, buildTopology, config, type EnrichedOrder, type Order, type Product, type User } from '../../examples/enrichment.js';
import { Consumed, Produced, StreamBuilder } from '../../src/dsl/index.js';
import { Serdes } from '../../src/serdes/serdes.js';
import type { ReadOnlyKeyValueStore } from '../../src/state/key-value-store.js';
import type { ValueAndTimestamp } from '../../src/state/value-and-timestamp.js';
import { partitionForKey } from '../../src/runtime/kafka/default-partitioner.js';
import { TopicPlanError } from '../../src/runtime/topic-plan.js';
import type { KafkaStreams } from '../../src/runtime/kafka-streams.js';
import { createTopics, uniqueName } from './kafka.js';
import { consume, newStateDir, removeStateDirs, running, streamsFor } from './runtime-support.js';
import { produce } from './topic-io.js';

const PARTITIONS = 3;
const PRODUCTS = 40;
const USERS = 25;
const ORDERS = 300;

afterAll(removeStateDirs);

function topicsFor(prefix: string) {
  return { orders: uniqueName(`${prefix}-orders`), products: uniqueName(`${prefix}-products`), users: uniqueName(`${prefix}-users`), output: uniqueName(`${prefix}-enriched`) };
}

/** Keyed records on the partition Java's default partitioner picks (murmur2 of the key), as tables expect. */
function keyed<V>(entries: readonly [string, V][], timestamp: number) {
  return entries.map(([key, value]) => ({ key, value: JSON.stringify(value), partition: partitionForKey(Buffer.from(key), PARTITIONS), timestamp }));
}

const product = (i: number): Product => ({ product_id: `p${i}`, name: `product-${i}`, price: i + 0.5 });
const user = (i: number): User => ({ user_id: `u${i}`, name: `user-${i}`, email: `u${i}@example.com` });
/** Orders of known products and users, except every 10th order, whose product does not exist. */
const order = (i: number): Order => ({ order_id: `o${i}`, product_id: i % 10 === 9 ? 'missing' : `p${i % PRODUCTS}`, user_id: `u${i % USERS}`, quantity: 1 + (i % 3) });
const expected = (i: number, userName = `user-${i % USERS}`) => `o${i} product-${i % PRODUCTS} x${1 + (i % 3)} ${userName}`;
const summary = (e: EnrichedOrder) => `${e.order_id} ${e.product.name} x${e.quantity} ${e.user.name}`;

async function createAll(topics: ReturnType<typeof topicsFor>): Promise<void> {
  await createTopics(Object.values(topics).map((topic) => ({ topic, numPartitions: PARTITIONS })));
}

async function produceTables(topics: ReturnType<typeof topicsFor>): Promise<void> {
  await produce(topics.products, keyed(Array.from({ length: PRODUCTS }, (_, i) => [`p${i}`, product(i)]), 1));
  await produce(topics.users, keyed(Array.from({ length: USERS }, (_, i) => [`u${i}`, user(i)]), 1));
}

async function produceOrders(topics: ReturnType<typeof topicsFor>, from: number, count: number): Promise<void> {
  await produce(topics.orders, keyed(Array.from({ length: count }, (_, k) => [`o${from + k}`, order(from + k)]), 1000 + from));
}

/** Polls `check` (a store not available yet, e.g. during a rebalance, counts as false). */
async function waitFor(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  const ok = (): boolean => {
    try {
      return check();
    } catch {
      return false;
    }
  };
  while (!ok()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('enrichment on a real broker (3 partitions per topic)', () => {
  it('KTable variant: orders re-keyed by product and user, joined, written keyed by order', async () => {
    const topics = topicsFor('enrich');
    await createAll(topics);
    await produceTables(topics);
    const streams = streamsFor(buildTopology(topics), { ...config, applicationId: uniqueName('enrich-app'), stateDir: newStateDir() });
    try {
      await streams.start();
      await running(streams);
      // The tables are loaded before orders arrive, so every join finds its row.
      const products = streams.store<ReadOnlyKeyValueStore<string, unknown>>(`${topics.products}-STATE-STORE-0000000000`);
      const users = streams.store<ReadOnlyKeyValueStore<string, unknown>>(`${topics.users}-STATE-STORE-0000000003`);
      await waitFor(() => products.get(`p${PRODUCTS - 1}`) !== null && users.get(`u${USERS - 1}`) !== null && products.get('p0') !== null && users.get('u0') !== null);
      await produceOrders(topics, 0, ORDERS);
      const wanted = Array.from({ length: ORDERS }, (_, i) => i).filter((i) => i % 10 !== 9);
      const out = await consume(topics.output, (b) => JSON.parse(b.toString()) as EnrichedOrder, (rs) => rs.length >= wanted.length);
      expect(out.map((r) => summary(r.value!)).sort()).toEqual(wanted.map((i) => expected(i)).sort());
      // Written keyed by order id: each order on the partition of its key.
      for (const r of out) expect(r.partition).toBe(partitionForKey(Buffer.from(r.key!), PARTITIONS));
    } finally {
      await streams.close();
    }
  }, 90_000);

  it('GlobalKTable variant: tables bootstrapped before processing, updates followed afterwards', async () => {
    const topics = topicsFor('enrich-global');
    await createAll(topics);
    await produceTables(topics);
    const streams = streamsFor(buildGlobalTopology(topics), { ...config, applicationId: uniqueName('enrich-global-app'), stateDir: newStateDir() });
    const restored: number[] = [];
    streams.events$.subscribe((e) => {
      if (e.type === 'restore-end' && e.taskId === 'global') restored.push(e.restored);
    });
    try {
      await streams.start();
      // start() resolves after the global topics were read to their end (a producer retry may
      // have written some table records twice).
      expect(restored).toHaveLength(1);
      expect(restored[0]).toBeGreaterThanOrEqual(PRODUCTS + USERS);
      // DSL stores hold values with their timestamps.
      const users = streams.store<ReadOnlyKeyValueStore<string, ValueAndTimestamp<User>>>('users-global');
      expect(users.get('u3')?.value.name).toBe('user-3');
      await produceOrders(topics, 0, ORDERS);
      const wanted = Array.from({ length: ORDERS }, (_, i) => i).filter((i) => i % 10 !== 9);
      const first = await consume(topics.output, (b) => JSON.parse(b.toString()) as EnrichedOrder, (rs) => rs.length >= wanted.length);
      expect(first.map((r) => summary(r.value!)).sort()).toEqual(wanted.map((i) => expected(i)).sort());
      // The stream keeps its key and partition (no repartition).
      for (const r of first) expect(r.partition).toBe(partitionForKey(Buffer.from(r.key!), PARTITIONS));

      // A user renamed while running: the global store follows, later orders see the new name.
      await produce(topics.users, keyed([['u1', { ...user(1), name: 'renamed' }]], 2000));
      await waitFor(() => users.get('u1')?.value.name === 'renamed');
      await produceOrders(topics, ORDERS, USERS);
      const renamed = Array.from({ length: USERS }, (_, k) => ORDERS + k).filter((i) => i % 10 !== 9 && i % USERS === 1);
      const all = await consume(topics.output, (b) => JSON.parse(b.toString()) as EnrichedOrder, (rs) => rs.length >= first.length + USERS - 2);
      const later = all.filter((r) => Number(r.key!.slice(1)) >= ORDERS && Number(r.key!.slice(1)) % USERS === 1).map((r) => summary(r.value!));
      expect(later).toEqual(renamed.map((i) => expected(i, 'renamed')));
    } finally {
      await streams.close();
    }
  }, 90_000);

  it('a join of topics with different partition counts fails at start with a clear error', async () => {
    const clicks = uniqueName('clicks');
    const profiles = uniqueName('profiles');
    await createTopics([
      { topic: clicks, numPartitions: 3 },
      { topic: profiles, numPartitions: 2 },
    ]);
    const b = new StreamBuilder();
    const S = Serdes.String();
    b.stream(clicks, Consumed.with(S, S))
      .join(b.table(profiles, Consumed.with(S, S)), (click, profile) => `${click}/${profile}`)
      .to(uniqueName('clicks-out'), Produced.with(S, S));
    const streams: KafkaStreams = streamsFor(b.build(), { applicationId: uniqueName('copartition-app'), stateDir: newStateDir() });
    const failure = await streams.start().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TopicPlanError);
    expect(String((failure as Error).message)).toContain(`Topics not co-partitioned: ${clicks} (3), ${profiles} (2)`);
    await streams.close();
  });
});
