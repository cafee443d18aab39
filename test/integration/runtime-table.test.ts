// A `builder.table()` source and a table aggregation (KTable.groupBy().count()) end to end:
// inserts, updates that move rows between groups, deletes (tombstones); with the table's own
// changelog, and with its source topic reused as changelog (`topologyOptimization: 'all'`),
// including a restore after the local state was deleted.
import { afterAll, describe, expect, it } from 'vitest';
import { Consumed, Grouped, Materialized, Produced, StreamBuilder } from '../../src/dsl/index.js';
import { KeyValue } from '../../src/state/key-value.js';
import type { ReadOnlyKeyValueStore } from '../../src/state/key-value-store.js';
import type { KafkaStreams } from '../../src/runtime/kafka-streams.js';
import { createTopics, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import { L, latest, long, newStateDir, readAll, removeStateDirs, running, S, streamsFor, waitForLatest } from './runtime-support.js';

afterAll(removeStateDirs);

/** users(user -> region) as a table; users per region, counted. */
function regionCounts(users: string, output: string, topologyOptimization: string) {
  const builder = new StreamBuilder();
  builder
    .table(users, Consumed.with(S, S), Materialized.as<string, string>('users-store'))
    .groupBy((user, region) => KeyValue.pair(region, user), Grouped.with(S, S))
    .count(Materialized.as('region-counts'))
    .toStream()
    .to(output, Produced.with(S, L));
  return builder.build({ topologyOptimization });
}

type Change = { key: string; value: string | null };
const REGIONS = ['north', 'south', 'east', 'west', 'center'];

/** The table after `changes`, and users per region (regions that ever had a user stay, possibly at 0). */
function expectedCounts(changes: readonly Change[]): Map<string, number> {
  const table = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const { key, value } of changes) {
    const old = table.get(key);
    if (old !== undefined) counts.set(old, counts.get(old)! - 1);
    if (value === null) table.delete(key);
    else {
      table.set(key, value);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return counts;
}

const valueOf = (v: unknown): unknown => (v !== null && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v);

for (const optimization of ['none', 'all']) {
  describe(`runtime: table source and table aggregation (topologyOptimization '${optimization}')`, () => {
    it('follows inserts, moves between groups and deletes; restores after local state is deleted', async () => {
      const users = uniqueName('tb-users');
      const output = uniqueName('tb-out');
      const applicationId = uniqueName('tb-app');
      await createTopics([{ topic: users, numPartitions: 4 }, { topic: output, numPartitions: 4 }]);
      const stateDir = newStateDir();
      const start = async (): Promise<{ streams: KafkaStreams; restored: Map<string, number> }> => {
        const streams = streamsFor(regionCounts(users, output, optimization), { applicationId, stateDir, topologyOptimization: optimization });
        // Records restored per changelog topic (progress events carry running totals).
        const restored = new Map<string, number>();
        streams.events$.subscribe((e) => {
          if (e.type === 'restore-progress') restored.set(e.topic, Math.max(restored.get(e.topic) ?? 0, e.restored));
        });
        await streams.start();
        await running(streams);
        return { streams, restored };
      };

      const inserts: Change[] = Array.from({ length: 200 }, (_, i) => ({ key: `u${i}`, value: REGIONS[i % 5]! }));
      const moves: Change[] = Array.from({ length: 100 }, (_, i) => ({ key: `u${i}`, value: REGIONS[(i + 2) % 5]! }));
      const deletes: Change[] = [
        ...Array.from({ length: 30 }, (_, i) => ({ key: `u${150 + i}`, value: null })),
        ...Array.from({ length: 5 }, (_, i) => ({ key: `nobody${i}`, value: null })),
      ];
      // Empty the 'center' region entirely: its count must go down to 0, not vanish.
      const before = new Map<string, string | null>([...inserts, ...moves, ...deletes].map((c) => [c.key, c.value]));
      const emptyCenter: Change[] = [...before].filter(([, v]) => v === 'center').map(([key]) => ({ key, value: 'north' }));
      const all = [...inserts, ...moves, ...deletes, ...emptyCenter];

      const first = await start();
      await produce(users, inserts);
      await waitForLatest(output, long, expectedCounts(inserts));
      await produce(users, moves);
      await produce(users, deletes);
      await produce(users, emptyCenter);
      const expected = expectedCounts(all);
      expect(expected.get('center')).toBe(0);
      await waitForLatest(output, long, expected);
      const store = first.streams.store<ReadOnlyKeyValueStore<string, unknown>>('region-counts');
      for (const [region, n] of expected) expect(valueOf(store.get(region))).toBe(n);
      const table = first.streams.store<ReadOnlyKeyValueStore<string, unknown>>('users-store');
      expect(valueOf(table.get('u0'))).toBe(REGIONS[2]);
      expect(table.get('u150')).toBeNull();
      expect(await first.streams.close({ timeoutMs: 20_000 })).toBe(true);

      // Without local state: both stores come back from their changelogs (the users topic
      // itself when the source topic is reused), then later changes apply on top.
      first.streams.cleanUp();
      const second = await start();
      const later: Change[] = [
        { key: 'u1', value: 'center' },
        { key: 'u2', value: null },
        { key: 'u500', value: 'east' },
      ];
      const finalExpected = expectedCounts([...all, ...later]);
      await produce(users, later);
      await waitForLatest(output, long, finalExpected);
      const changelogTopics = [...second.restored].filter(([, n]) => n > 0).map(([topic]) => topic);
      if (optimization === 'all') expect(changelogTopics).toContain(users);
      else expect(changelogTopics).toContain(`${applicationId}-users-store-changelog`);
      expect(changelogTopics).toContain(`${applicationId}-region-counts-changelog`);
      const tableStore = second.streams.store<ReadOnlyKeyValueStore<string, unknown>>('users-store');
      expect(valueOf(tableStore.get('u1'))).toBe('center');
      expect(valueOf(tableStore.get('u0'))).toBe(REGIONS[2]);
      expect(tableStore.get('u2')).toBeNull();
      expect(await second.streams.close({ timeoutMs: 20_000 })).toBe(true);

      const records = await readAll(output, long);
      expect(Object.fromEntries(latest(records))).toEqual(Object.fromEntries(finalExpected));
    }, 120_000);
  });
}
