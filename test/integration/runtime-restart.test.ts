// Restarts: an application closed and started again keeping its local state, and one whose
// local state was deleted in between (restored from the changelog), end with the same
// counts as one that ran without interruption on the same input.
import { afterAll, describe, expect, it } from 'vitest';
import type { KafkaStreams } from '../../src/runtime/kafka-streams.js';
import type { StreamsEvent } from '../../src/runtime/streams-event.js';
import { createTopics, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import {
  countWords, latest, long, newStateDir, readAll, removeStateDirs, running, spread, streamsFor, textLines, waitForLatest, wordCountTopology,
} from './runtime-support.js';

afterAll(removeStateDirs);

interface App {
  readonly name: string;
  readonly output: string;
  readonly applicationId: string;
  readonly stateDir: string;
  streams: KafkaStreams;
  readonly events: StreamsEvent[];
}

describe('runtime: restarts', () => {
  it('keeping local state, and after deleting it, give the same counts as an uninterrupted run', async () => {
    const input = uniqueName('rs-in');
    const apps: App[] = ['uninterrupted', 'keep-state', 'wipe-state'].map((name) => ({
      name,
      output: uniqueName(`rs-out-${name}`),
      applicationId: uniqueName(`rs-${name}`),
      stateDir: newStateDir(),
      streams: null as unknown as KafkaStreams,
      events: [],
    }));
    await createTopics([{ topic: input, numPartitions: 4 }, ...apps.map((a) => ({ topic: a.output, numPartitions: 4 }))]);
    const start = async (app: App): Promise<void> => {
      app.streams = streamsFor(wordCountTopology(input, app.output), { applicationId: app.applicationId, stateDir: app.stateDir });
      app.streams.events$.subscribe((e) => app.events.push(e));
      await app.streams.start();
      await running(app.streams);
    };
    const restored = (app: App): number =>
      app.events.reduce((n, e) => n + (e.type === 'restore-end' ? e.restored : 0), 0);

    const first = textLines(0, 1500, 300);
    const second = textLines(1500, 1500, 300);
    const afterFirst = countWords(first);
    const afterBoth = countWords(second, countWords(first));

    await Promise.all(apps.map(start));
    await produce(input, spread(first, 4));
    await Promise.all(apps.map((a) => waitForLatest(a.output, long, afterFirst)));

    // Two of them stop cleanly; one of those loses its local state.
    const [uninterrupted, keep, wipe] = apps as [App, App, App];
    for (const app of [keep, wipe]) {
      expect(await app.streams.close({ timeoutMs: 20_000 })).toBe(true);
      app.events.length = 0;
    }
    wipe.streams.cleanUp();
    // Input keeps arriving while they are down (and while they restore).
    await produce(input, spread(second.slice(0, 750), 4));
    await Promise.all([start(keep), start(wipe)]);
    await produce(input, spread(second.slice(750), 4, 1));
    await Promise.all(apps.map((a) => waitForLatest(a.output, long, afterBoth)));

    // Restores: nothing to replay with a checkpointed local state; the whole changelog without.
    expect(restored(keep)).toBe(0);
    expect(restored(wipe)).toBeGreaterThanOrEqual(afterFirst.size);
    expect(wipe.events.some((e) => e.type === 'restore-end')).toBe(true);

    for (const app of apps) expect(await app.streams.close({ timeoutMs: 20_000 })).toBe(true);
    const outputs = await Promise.all(apps.map((a) => readAll(a.output, long)));
    const finals = outputs.map((records) => Object.fromEntries(latest(records)));
    expect(finals[1]).toEqual(finals[0]);
    expect(finals[2]).toEqual(finals[0]);
    expect(finals[0]).toEqual(Object.fromEntries(afterBoth));
    // Clean restarts count nothing twice: no count ever went past the truth.
    for (const records of outputs) expect(records.filter((r) => r.value! > afterBoth.get(r.key!)!)).toEqual([]);
    expect(restored(uninterrupted)).toBe(0);
  }, 120_000);
});
