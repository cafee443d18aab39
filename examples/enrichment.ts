// Order enrichment (issue 7 §6): `orders` re-keyed by product_id and joined with the
// `products` table, re-keyed by user_id and joined with the `users` table, written to
// `enriched-orders` keyed by order id. `buildGlobalTopology()` does the same with two
// GlobalKTables: no repartition topics and no co-partitioning, every instance holds both tables.
//
// Run it with `kstreams run examples/enrichment.ts` (create orders, products, users and
// enriched-orders first; each join's repartition topic gets its table's partition count), or
// test it with the TopologyTestDriver (test/joins/enrichment.test.ts) and on a broker
// (test/integration/enrichment-runtime.test.ts).
import { Consumed, Joined, Materialized, Produced, Serdes, StreamBuilder, type KStream, type StreamsConfig, type Topology } from 'kstreams';

export interface Order {
  readonly order_id: string;
  readonly product_id: string;
  readonly user_id: string;
  readonly quantity: number;
}

export interface Product {
  readonly product_id: string;
  readonly name: string;
  readonly price: number;
}

export interface User {
  readonly user_id: string;
  readonly name: string;
  readonly email: string;
}

export interface EnrichedOrder {
  readonly order_id: string;
  readonly quantity: number;
  readonly product: Product;
  readonly user: User;
  readonly total: number;
}

/** An order joined with its product, on its way to the user join. */
export interface OrderWithProduct {
  readonly order: Order;
  readonly product: Product;
}

/** The application's config (add `bootstrapServers` to run against Kafka). */
export const config: StreamsConfig = {
  applicationId: 'order-enrichment',
  defaultKeySerde: Serdes.String(),
  defaultValueSerde: Serdes.Json(),
};

/** Topic names (tests pass their own). */
export const TOPICS = { orders: 'orders', products: 'products', users: 'users', output: 'enriched-orders' };

const S = Serdes.String();

function enrich({ order, product }: OrderWithProduct, user: User): EnrichedOrder {
  return { order_id: order.order_id, quantity: order.quantity, product, user, total: Math.round(order.quantity * product.price * 100) / 100 };
}

function orders(builder: StreamBuilder, topic: string): KStream<string, Order> {
  return builder.stream(topic, Consumed.with(S, Serdes.Json<Order>()));
}

/**
 * orders -> selectKey(product_id) -> repartition `order-enrichment-orders-by-product-repartition`
 * -> join(products) -> selectKey(user_id) -> repartition `order-enrichment-orders-by-user-repartition`
 * -> join(users) -> selectKey(order_id) -> enriched-orders. Orders without a product or user are dropped.
 */
export function buildTopology(topics = TOPICS): Topology {
  const builder = new StreamBuilder();
  const products = builder.table(topics.products, Consumed.with(S, Serdes.Json<Product>()));
  const users = builder.table(topics.users, Consumed.with(S, Serdes.Json<User>()));
  orders(builder, topics.orders)
    .selectKey((_orderId, order) => order.product_id)
    .join(products, (order, product): OrderWithProduct => ({ order, product }), Joined.with(S, Serdes.Json<Order>(), Serdes.Json<Product>()).withName('orders-by-product'))
    .selectKey((_productId, op) => op.order.user_id)
    .join(users, enrich, Joined.with(S, Serdes.Json<OrderWithProduct>(), Serdes.Json<User>()).withName('orders-by-user'))
    .selectKey((_userId, enriched) => enriched.order_id)
    .to(topics.output, Produced.with(S, Serdes.Json<EnrichedOrder>()));
  return builder.build(config);
}

/** The same enrichment against GlobalKTables: each order looks its product and user up directly. */
export function buildGlobalTopology(topics = TOPICS): Topology {
  const builder = new StreamBuilder();
  const products = builder.globalTable(topics.products, Consumed.with(S, Serdes.Json<Product>()), Materialized.as('products-global'));
  const users = builder.globalTable(topics.users, Consumed.with(S, Serdes.Json<User>()), Materialized.as('users-global'));
  orders(builder, topics.orders)
    .join(products, (_orderId, order) => order.product_id, (order, product): OrderWithProduct => ({ order, product }))
    .join(users, (_orderId, op) => op.order.user_id, enrich)
    .to(topics.output, Produced.with(S, Serdes.Json<EnrichedOrder>()));
  return builder.build(config);
}
