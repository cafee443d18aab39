import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../examples/enrichment.js';
import { Consumed, Produced, Repartitioned, StreamBuilder } from '../../src/dsl/index.js';
import { planTopics, TopicPlanError } from '../../src/runtime/topic-plan.js';
import { S, STRING_DEFAULTS } from './join-helpers.js';

const counts = (partitions: { [topic: string]: number }) => (topic: string) => partitions[topic];

describe('co-partitioning of joins (start-up topic plan)', () => {
  it("each join's repartition topic takes the partition count of the table it joins", () => {
    const plan = planTopics(buildTopology(), 'app', counts({ orders: 3, products: 5, users: 2, 'enriched-orders': 3 }));
    const repartitions = new Map(plan.internalTopics.filter((t) => t.kind === 'repartition').map((t) => [t.name, t.numPartitions]));
    expect(repartitions).toEqual(new Map([['app-orders-by-product-repartition', 5], ['app-orders-by-user-repartition', 2]]));
    // Sub-topologies: products + first join, users + second join, orders (creation order).
    expect(plan.subtopologies.map((s) => s.numTasks)).toEqual([5, 2, 3]);
  });

  it('a foreign-key join routes subscriptions like the other table and responses like this one', () => {
    const b = new StreamBuilder();
    b.table('orders', Consumed.with(S, S))
      .join(b.table('customers', Consumed.with(S, S)), (o: string) => o.split(':')[0]!, (o, c) => `${o}/${c}`)
      .toStream()
      .to('out', Produced.with(S, S));
    const plan = planTopics(b.build(), 'app', counts({ orders: 4, customers: 6 }));
    const topics = new Map(plan.internalTopics.filter((t) => t.kind === 'repartition').map((t) => [t.name, t.numPartitions]));
    expect(topics.get('app-KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic')).toBe(6);
    expect(topics.get('app-KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000014-topic')).toBe(4);
    expect(plan.subtopologies.map((s) => s.numTasks)).toEqual([4, 6]);
  });

  it('user topics of a join with different partition counts fail with a clear error', () => {
    const b = new StreamBuilder();
    b.stream<string, string>('clicks').join(b.table<string, string>('users'), (c, u) => `${c}/${u}`).to('out');
    expect(() => planTopics(b.build(STRING_DEFAULTS), 'app', counts({ clicks: 3, users: 2, out: 1 }))).toThrow(
      new TopicPlanError(
        'Topics not co-partitioned: clicks (3), users (2). A join needs equal partition counts: recreate the topics with the same count, or repartition one side (KStream.repartition).',
      ),
    );
  });

  it('a repartition topic with a fixed partition count that differs from its join partner fails', () => {
    const b = new StreamBuilder();
    b.stream<string, string>('clicks')
      .repartition(Repartitioned.as<string, string>('by-user').withNumberOfPartitions(4))
      .join(b.table<string, string>('users'), (c, u) => `${c}/${u}`)
      .to('out');
    const plan = () => planTopics(b.build(STRING_DEFAULTS), 'app', counts({ clicks: 3, users: 2, out: 1 }));
    expect(plan).toThrow(TopicPlanError);
    expect(plan).toThrow('repartition topic(s) app-by-user-repartition (4) must have 2 partitions like users');
  });
});
