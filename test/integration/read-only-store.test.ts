// Topology.addReadOnlyStateStore on the real broker: the store's own topic is its changelog
// (no -changelog topic is created), a restart without local state rebuilds it from there, and
// one with its local state restores nothing (the checkpoint covers the topic).
import { afterAll, describe, expect, it } from 'vitest';
import type { KafkaStreams, ReadOnlyKeyValueStore } from '../../src/index.js';
import { pricingTopology } from './apps/topologies.js';
import { createTopics, kafkaClient, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import { consume, eventually, newStateDir, removeStateDirs, running, str, streamsFor } from './runtime-support.js';

afterAll(removeStateDirs);

describe('runtime: a read-only store', () => {
  it('restores nothing after a clean restart, rebuilds from its own topic without local state; no changelog topic', async () => {
    const rates = uniqueName('ro-rates');
    const orders = uniqueName('ro-orders');
    const output = uniqueName('ro-out');
    const applicationId = uniqueName('ro-app');
    const stateDir = newStateDir();
    await createTopics([{ topic: rates, numPartitions: 2 }, { topic: orders, numPartitions: 2 }, { topic: output, numPartitions: 2 }]);
    await produce(rates, [{ key: 'EUR', value: '1.1' }, { key: 'GBP', value: '1.3' }]);

    const first = streamsFor(pricingTopology(rates, orders, output), { applicationId, stateDir, commitIntervalMs: 100 });
    await first.start();
    await running(first);
    // The rates reach the store before any order is priced (a task does not wait for an empty partition).
    const rate = (streams: KafkaStreams, currency: string): string | null => streams.store<ReadOnlyKeyValueStore<string, string>>('rates').get(currency);
    await eventually(() => rate(first, 'EUR') === '1.1' && rate(first, 'GBP') === '1.3', 'rates in the store');
    await produce(orders, [{ key: 'EUR', value: '10' }]);
    await consume(output, str, (rs) => rs.some((r) => r.value === '10 x 1.1'));
    expect(await first.close()).toBe(true);

    // Restarted with its local state: the checkpoint covers the rates topic (at the offsets the
    // task processed), so nothing is restored.
    const restarts: { restored: number[] }[] = [];
    const start = async (cleanUp: boolean): Promise<KafkaStreams> => {
      const streams = streamsFor(pricingTopology(rates, orders, output), { applicationId, stateDir });
      if (cleanUp) streams.cleanUp();
      const run = { restored: [] as number[] };
      restarts.push(run);
      streams.events$.subscribe((e) => e.type === 'restore-end' && run.restored.push(e.restored));
      await streams.start();
      await running(streams);
      return streams;
    };
    const second = await start(false);
    try {
      expect([rate(second, 'EUR'), rate(second, 'GBP'), restarts[0]!.restored.reduce((a, b) => a + b, 0)]).toEqual(['1.1', '1.3', 0]);
    } finally {
      await second.close();
    }

    // Restarted without local state: the store is rebuilt from the rates topic.
    const third = await start(true);
    try {
      expect([rate(third, 'EUR'), rate(third, 'GBP'), restarts[1]!.restored.reduce((a, b) => a + b, 0)]).toEqual(['1.1', '1.3', 2]);
      await produce(orders, [{ key: 'GBP', value: '20' }]);
      const records = await consume(output, str, (rs) => rs.some((r) => r.key === 'GBP'));
      expect(records.map((r) => `${r.key} ${r.value}`).sort()).toEqual(['EUR 10 x 1.1', 'GBP 20 x 1.3']);
    } finally {
      await third.close();
    }
    const admin = kafkaClient().admin();
    await admin.connect();
    try {
      expect((await admin.listTopics()).filter((t) => t.startsWith(applicationId))).toEqual([]);
    } finally {
      await admin.disconnect();
    }
  }, 90_000);
});
