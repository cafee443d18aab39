// examples/word-count-service.ts with two instances: each answers GET /counts/<word> for
// every word, from its own store or from the instance queryMetadataForKey names.
import type { Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startCountsService } from '../../examples/word-count-service.js';
import type { KafkaStreams } from '../../src/runtime/kafka-streams.js';
import { createTopics, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import { countWords, long, newStateDir, removeStateDirs, running, spread, streamsFor, textLines, waitForLatest, wordCountTopology } from './runtime-support.js';

afterAll(removeStateDirs);

interface Answer {
  readonly word: string;
  readonly count: number;
  readonly from: string;
}

describe('examples/word-count-service.ts', () => {
  it('answers every word on every instance, forwarding to the one that holds it', async () => {
    const input = uniqueName('wcs-in');
    const output = uniqueName('wcs-out');
    const applicationId = uniqueName('wcs-app');
    await createTopics([
      { topic: input, numPartitions: 2 },
      { topic: output, numPartitions: 1 },
    ]);
    const services: { streams: KafkaStreams; server: Server; endpoint: string }[] = [];
    for (let i = 0; i < 2; i++) {
      services.push(await startCountsService((applicationServer) => streamsFor(wordCountTopology(input, output), { applicationId, stateDir: newStateDir(), applicationServer })));
    }
    try {
      for (const { streams } of services) await streams.start();
      await Promise.all(services.map(({ streams }) => running(streams)));
      const lines = textLines(0, 200, 20);
      const expected = countWords(lines);
      await produce(input, spread(lines, 2));
      await waitForLatest(output, long, expected);

      // Until both instances have read the final assignment, an answer may be a 503 or stale.
      const ask = async (endpoint: string, word: string): Promise<Answer | null> => {
        const response = await fetch(`http://${endpoint}/counts/${word}`);
        return response.status === 200 ? ((await response.json()) as Answer) : null;
      };
      const answers = async (): Promise<(Answer | null)[]> =>
        Promise.all(services.flatMap(({ endpoint }) => [...expected.keys()].map((word) => ask(endpoint, word))));
      const deadline = Date.now() + 30_000;
      let last = await answers();
      while (!last.every((a) => a !== null && a.count === expected.get(a.word)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        last = await answers();
      }
      expect(last.map((a) => a && `${a.word}=${a.count}`)).toEqual([...expected, ...expected].map(([w, n]) => `${w}=${n}`));
      // Each word is answered by its holder whichever instance was asked: the other forwarded.
      const half = expected.size;
      for (let i = 0; i < half; i++) expect(last[i]!.from).toBe(last[half + i]!.from);
      const forwarded = last.filter((a, i) => a!.from !== services[i < half ? 0 : 1]!.endpoint);
      expect(forwarded.length).toBeGreaterThan(0);
    } finally {
      for (const { streams, server } of services) {
        expect(await streams.close()).toBe(true);
        server.close();
      }
    }
  }, 120_000);
});
