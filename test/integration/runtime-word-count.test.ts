// Word count (examples/word-count.ts) on the real broker over 4 partitions: repartition
// topic, changelog, exact counts, local store reads, clean close.
import { afterAll, describe, expect, it } from 'vitest';
import { StreamsState } from '../../src/runtime/streams-state.js';
import type { ReadOnlyKeyValueStore } from '../../src/state/key-value-store.js';
import { createTopics, kafkaClient, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import {
  countWords, endOffsets, latest, long, newStateDir, readAll, removeStateDirs, running, spread, streamsFor, textLines, waitForLatest, wordCountTopology,
} from './runtime-support.js';

afterAll(removeStateDirs);

const valueOf = (v: unknown): unknown => (v !== null && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v);

describe('runtime: word count over 4 partitions', () => {
  it('counts every word exactly, through the repartition topic and a logged store', async () => {
    const input = uniqueName('wc-in');
    const output = uniqueName('wc-out');
    const applicationId = uniqueName('wc-app');
    await createTopics([{ topic: input, numPartitions: 4 }, { topic: output, numPartitions: 4 }]);
    const lines = textLines(0, 2000);
    const expected = countWords(lines);

    const streams = streamsFor(wordCountTopology(input, output), { applicationId, stateDir: newStateDir() });
    const commits: number[] = [];
    streams.events$.subscribe((e) => e.type === 'commit' && commits.push(e.tasks));
    await streams.start();
    await running(streams);
    // Half before, half while running.
    await produce(input, spread(lines.slice(0, 1000), 4));
    await produce(input, spread(lines.slice(1000), 4, 1));
    const seen = await waitForLatest(output, long, expected);
    expect(seen.length).toBeGreaterThan(0);

    // Every task of both sub-topologies ran here; the store answers for every word.
    const store = streams.store<ReadOnlyKeyValueStore<string, unknown>>('counts-store');
    for (const [word, n] of expected) expect(valueOf(store.get(word))).toBe(n);
    expect(await streams.close({ timeoutMs: 20_000 })).toBe(true);
    expect(streams.state).toBe(StreamsState.NOT_RUNNING);
    expect(commits.length).toBeGreaterThan(0);

    // After the close: no count ever went past the truth (no duplicate), and the last is exact.
    const all = await readAll(output, long);
    expect(Object.fromEntries(latest(all))).toEqual(Object.fromEntries(expected));
    for (const r of all) expect(r.value!).toBeLessThanOrEqual(expected.get(r.key!)!);

    // Internal topics: 4-partition repartition topic holding every word, compacted changelog.
    const admin = kafkaClient().admin();
    await admin.connect();
    try {
      const meta = await admin.fetchTopicMetadata({ topics: [`${applicationId}-counts-store-repartition`, `${applicationId}-counts-store-changelog`] });
      expect(meta.topics.map((t) => t.partitions.length)).toEqual([4, 4]);
    } finally {
      await admin.disconnect();
    }
    const repartitionEnds = await endOffsets(`${applicationId}-counts-store-repartition`);
    expect([...repartitionEnds.values()].reduce((a, b) => a + b, 0n)).toBe(BigInt(lines.length * 5));
  }, 90_000);
});
