// DSL workloads (issue 3): word count through the TopologyTestDriver on LevelDB stores.
import { buildTopology } from '../examples/word-count.js';
import { Serdes } from '../src/serdes/serdes.js';
import { TopologyTestDriver } from '../src/testing/topology-test-driver.js';
import type { TestInputTopic } from '../src/testing/test-input-topic.js';
import type { Workload } from './harness.js';

/** Lines piped per run (exported for the Java reference, which pipes the same lines). */
export const LINES = 40_000;
const WORDS_PER_LINE = 8;
const VOCABULARY = 10_000;

/** Deterministic lines of 8 words drawn from a 10k-word vocabulary. */
function lines(): string[] {
  const vocabulary = Array.from({ length: VOCABULARY }, (_, i) => `word${i.toString(36)}`);
  let seed = 42;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % VOCABULARY;
  return Array.from({ length: LINES }, () => Array.from({ length: WORDS_PER_LINE }, () => vocabulary[next()]).join(' '));
}

/** examples/word-count.ts: flatMapValues -> groupBy -> count (LevelDB, cached, logged) -> toStream -> to. */
export function wordCount(): Workload {
  const data = lines();
  const S = Serdes.String();
  let driver: TopologyTestDriver;
  let input: TestInputTopic<string, string>;
  return {
    id: 'driver-word-count',
    title: 'word count through the driver, LevelDB store, 8 words/line, 10k words',
    unit: 'words',
    target: '>= 300,000',
    async setup() {
      driver = new TopologyTestDriver(buildTopology(), { applicationId: 'word-count', initialWallClockTimeMs: 0 });
      await driver.ready;
      input = driver.createInputTopic('text-lines', S.serializer(), S.serializer(), 0, 1);
      driver.createOutputTopic('word-counts-output', S.deserializer(), Serdes.Long().deserializer());
    },
    async run() {
      await input.pipeValueList(data);
      // Drop what was captured so memory stays flat across runs.
      driver.createOutputTopic('word-counts-output', S.deserializer(), Serdes.Long().deserializer()).readRecordsToList();
      return data.length * WORDS_PER_LINE;
    },
    teardown: () => driver.close(),
  };
}
