import { describe, expect, it } from 'vitest';
import { buildGlobalTopology, buildTopology, config, type EnrichedOrder, type Order, type Product, type User } from '../../examples/enrichment.js';
import { Serdes } from '../../src/serdes/serdes.js';
import type { TopologyTestDriver } from '../../src/testing/index.js';
import { driverFor } from './join-helpers.js';

const S = Serdes.String();
const order = (order_id: string, product_id: string, user_id: string, quantity: number): Order => ({ order_id, product_id, user_id, quantity });

async function run(driver: TopologyTestDriver): Promise<string[]> {
  const products = driver.createInputTopic('products', S.serializer(), Serdes.Json<Product>().serializer());
  const users = driver.createInputTopic('users', S.serializer(), Serdes.Json<User>().serializer());
  const orders = driver.createInputTopic('orders', S.serializer(), Serdes.Json<Order>().serializer());
  const out = driver.createOutputTopic('enriched-orders', S.deserializer(), Serdes.Json<EnrichedOrder>().deserializer());
  await products.pipeInput('p1', { product_id: 'p1', name: 'Lamp', price: 19.99 }, 1);
  await products.pipeInput('p2', { product_id: 'p2', name: 'Desk', price: 120 }, 2);
  await users.pipeInput('u1', { user_id: 'u1', name: 'Ada', email: 'ada@example.com' }, 3);
  await users.pipeInput('u2', { user_id: 'u2', name: 'Linus', email: 'linus@example.com' }, 4);
  await orders.pipeInput('o1', order('o1', 'p1', 'u1', 2), 10);
  await orders.pipeInput('o2', order('o2', 'p2', 'u2', 1), 11);
  await orders.pipeInput('o3', order('o3', 'p9', 'u1', 1), 12); // unknown product: dropped
  await orders.pipeInput('o4', order('o4', 'p1', 'u9', 1), 13); // unknown user: dropped
  await users.pipeInput('u1', { user_id: 'u1', name: 'Ada L.', email: 'ada@example.com' }, 20); // updates never emit
  await orders.pipeInput('o5', order('o5', 'p2', 'u1', 3), 21);
  return out.readRecordsToList().map((r) => `${r.key} ${r.value!.product.name} x${r.value!.quantity} for ${r.value!.user.name} = ${r.value!.total} @${r.timestamp}`);
}

const EXPECTED = ['o1 Lamp x2 for Ada = 39.98 @10', 'o2 Desk x1 for Linus = 120 @11', 'o5 Desk x3 for Ada L. = 360 @21'];

describe('examples/enrichment', () => {
  it('KTable variant: re-keys by product_id and user_id through two repartition topics', async () => {
    const topology = buildTopology();
    expect([...topology.internalTopics.keys()].sort()).toEqual(['orders-by-product-repartition', 'orders-by-user-repartition']);
    // Each join's repartition topic must be co-partitioned with the table it joins.
    expect(topology.copartitionGroups).toEqual([
      ['orders-by-product-repartition', 'products'],
      ['orders-by-user-repartition', 'users'],
    ]);
    expect(await run(driverFor(topology, config))).toEqual(EXPECTED);
  });

  it('GlobalKTable variant: no repartition, the same output', async () => {
    const topology = buildGlobalTopology();
    expect(topology.internalTopics.size).toBe(0);
    expect(topology.copartitionGroups).toEqual([]);
    expect(await run(driverFor(topology, config))).toEqual(EXPECTED);
  });
});
