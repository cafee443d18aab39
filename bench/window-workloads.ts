// Windowed workloads (issue 6, PERF.md W3/W5): tumbling, hopping and session counts through
// the TopologyTestDriver over 10k keys, LevelDB window/session stores (cached, logged).
import { Consumed, Grouped, Produced, SessionWindows, StreamBuilder, TimeWindows, type KGroupedStream, type KTable } from '../src/dsl/index.js';
import { Serdes } from '../src/serdes/serdes.js';
import { KeyValue } from '../src/state/key-value.js';
import { TopologyTestDriver } from '../src/testing/topology-test-driver.js';
import type { TestInputTopic } from '../src/testing/test-input-topic.js';
import type { Windowed } from '../src/windows/windowed.js';
import type { Workload } from './harness.js';

const RECORDS = 100_000;
const KEYS = 10_000;
const S = Serdes.String();
const L = Serdes.Long();

/** Deterministic keys (uniform over 10k) for one run. */
function keys(): string[] {
  let seed = 7;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % KEYS;
  return Array.from({ length: RECORDS }, () => `user-${next()}`);
}

function topology(window: (g: KGroupedStream<string, string>) => KTable<Windowed<string>, number>): ReturnType<StreamBuilder['build']> {
  const builder = new StreamBuilder();
  const grouped = builder.stream('in', Consumed.with(S, S)).groupByKey(Grouped.with(S, S));
  window(grouped)
    .toStream()
    .map((k, v) => KeyValue.pair(k.key, v))
    .to('out', Produced.with(S, L));
  return builder.build({ defaultKeySerde: S, defaultValueSerde: S });
}

/**
 * Pipes 100k records over 10k keys, `stepMs` apart in event time; each run continues where
 * the previous one stopped (stream time only moves forward, so nothing is late).
 */
function windowed(id: string, title: string, stepMs: number, window: (g: KGroupedStream<string, string>) => KTable<Windowed<string>, number>): Workload {
  const data = keys();
  let driver: TopologyTestDriver;
  let input: TestInputTopic<string, string>;
  let time = 0;
  return {
    id,
    title,
    unit: 'records',
    async setup() {
      driver = new TopologyTestDriver(topology(window), { applicationId: id, initialWallClockTimeMs: 0 });
      await driver.ready;
      input = driver.createInputTopic('in', S.serializer(), S.serializer());
      driver.createOutputTopic('out', S.deserializer(), L.deserializer());
    },
    async run() {
      for (const key of data) {
        await input.pipeInput(key, 'click', time);
        time += stepMs;
      }
      // Drop what was captured so memory stays flat across runs.
      driver.createOutputTopic('out', S.deserializer(), L.deserializer()).readRecordsToList();
      return data.length;
    },
    teardown: () => driver.close(),
  };
}

/** Tumbling 60 s windows, 1 ms between records (100 s of data per run). */
export function tumblingCount(): Workload {
  return windowed('driver-tumbling-count', 'tumbling 60 s count, 10k keys, LevelDB, through the driver', 1, (g) =>
    g.windowedBy(TimeWindows.ofSizeWithNoGrace(60_000)).count(),
  );
}

/** Hopping 60 s windows advancing by 10 s: each record updates 6 windows. */
export function hoppingCount(): Workload {
  return windowed('driver-hopping-count', 'hopping 60 s / 10 s count (6 windows per record), 10k keys', 1, (g) =>
    g.windowedBy(TimeWindows.ofSizeWithNoGrace(60_000).advanceBy(10_000)).count(),
  );
}

/**
 * Sessions with a 5 s gap, 0.5 ms between records: a key recurs every ~5 s on average, so
 * about half of the records merge sessions (a tombstone plus the merged session).
 */
export function sessionCount(): Workload {
  return windowed('driver-session-count', 'session count (5 s gap, ~half the records merge), 10k keys', 0.5, (g) =>
    g.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5000)).count(),
  );
}
