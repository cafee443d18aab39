// A foreign-key join (orders table -> customers table) on the real broker, 3 partitions per
// topic: subscriptions travel to the customers' partitions and responses back to the orders'
// partitions (their primary partition), and a customer update reaches all its orders.
import { afterAll, describe, expect, it } from 'vitest';
import { Consumed, Materialized, Produced, StreamBuilder, TableJoined } from '../../src/dsl/index.js';
import { Serdes } from '../../src/serdes/serdes.js';
import { partitionForKey } from '../../src/runtime/kafka/default-partitioner.js';
import { createTopics, uniqueName } from './kafka.js';
import { consume, newStateDir, removeStateDirs, running, streamsFor } from './runtime-support.js';
import { produce } from './topic-io.js';

const PARTITIONS = 3;
const CUSTOMERS = 20;
const ORDERS = 200;
const S = Serdes.String();

afterAll(removeStateDirs);

const keyed = (entries: readonly [string, string | null][], timestamp: number) =>
  entries.map(([key, value]) => ({ key, value, partition: partitionForKey(Buffer.from(key), PARTITIONS), timestamp }));

/** Latest value per key (a null value deletes), in offset order per partition. */
function latest(records: readonly { key: string | null; value: string | null }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of records) {
    if (r.key === null) continue;
    if (r.value === null) out.delete(r.key);
    else out.set(r.key, r.value);
  }
  return out;
}

describe('foreign-key join on a real broker (3 partitions per topic)', () => {
  it('joins each order with its customer and follows customer updates', async () => {
    const orders = uniqueName('fk-orders');
    const customers = uniqueName('fk-customers');
    const output = uniqueName('fk-out');
    await createTopics([orders, customers, output].map((topic) => ({ topic, numPartitions: PARTITIONS })));
    const b = new StreamBuilder();
    b.table(orders, Consumed.with(S, S))
      .join(
        b.table(customers, Consumed.with(S, S)),
        (order: string) => order.split(':')[0]!,
        (order, customer) => `${order}/${customer}`,
        TableJoined.as('orders-customers'),
        Materialized.as<string, string>('orders-with-customers').withValueSerde(S),
      )
      .toStream()
      .to(output, Produced.with(S, S));
    const streams = streamsFor(b.build(), { applicationId: uniqueName('fk-app'), stateDir: newStateDir() });
    try {
      await streams.start();
      await running(streams);
      await produce(customers, keyed(Array.from({ length: CUSTOMERS }, (_, i) => [`c${i}`, `name${i}`]), 1));
      await produce(orders, keyed(Array.from({ length: ORDERS }, (_, i) => [`o${i}`, `c${i % CUSTOMERS}:item${i}`]), 10));
      const expected = new Map(Array.from({ length: ORDERS }, (_, i) => [`o${i}`, `c${i % CUSTOMERS}:item${i}/name${i % CUSTOMERS}`]));
      const first = await consume(output, (v) => v.toString(), (rs) => latest(rs).size >= ORDERS && [...expected].every(([k, v]) => latest(rs).get(k) === v));
      expect(latest(first)).toEqual(expected);
      // Results are keyed by order: each on the partition of its key, as the orders topic.
      for (const r of first) expect(r.partition).toBe(partitionForKey(Buffer.from(r.key!), PARTITIONS));

      // Customer 3 renamed: every order of customer 3 is joined again; customer 4 deleted: its orders get tombstones.
      await produce(customers, keyed([['c3', 'renamed'], ['c4', null]], 20));
      for (let i = 3; i < ORDERS; i += CUSTOMERS) expected.set(`o${i}`, `c3:item${i}/renamed`);
      for (let i = 4; i < ORDERS; i += CUSTOMERS) expected.delete(`o${i}`);
      const all = await consume(output, (v) => v.toString(), (rs) => {
        const now = latest(rs);
        return now.size === expected.size && [...expected].every(([k, v]) => now.get(k) === v);
      });
      expect(latest(all)).toEqual(expected);
    } finally {
      await streams.close();
    }
  });
});
