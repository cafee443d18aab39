// `npm run bench [-- <group>...]`: runs benchmark groups in one process and prints a table.
// Groups: engine (default), dsl, dsl-java (needs Java 17 + Maven), joins, joins-kafka (needs KAFKA_BOOTSTRAP), windows, windows-kafka (needs KAFKA_BOOTSTRAP), kafka. See ../../shared/docs/PERF.md for the method.
import { measure, report, type WorkloadResult } from './harness.js';
import { levelDbCount, passThrough, serdeLoop } from './engine-workloads.js';
import { Stores } from '../src/state/stores.js';
import { wordCount } from './dsl-workloads.js';
import { javaWordCounts } from './java-reference-workloads.js';
import { exampleEnrichment, globalTableJoin, streamTableJoin, tableLoad } from './join-workloads.js';
import { endToEndJoins } from './join-kafka-workloads.js';
import { hoppingCount, sessionCount, tumblingCount } from './window-workloads.js';
import { endToEndWindows } from './window-kafka-workloads.js';
import { kafkaGroup } from './kafka-workloads.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function engine(): Promise<void> {
  const results: WorkloadResult[] = [];
  for (const w of [serdeLoop(), passThrough(), levelDbCount(Stores)]) {
    console.error(`running ${w.id} ...`);
    results.push(await measure(w, RUNS));
  }
  const ratio = results[1]!.median / results[0]!.median;
  report('engine', results, { 'pass-through / ceiling': ratio });
}

/** Word count (issue 3) beside the engine's LevelDB count, measured in one run. */
async function dsl(): Promise<void> {
  const results: WorkloadResult[] = [];
  for (const w of [levelDbCount(Stores), wordCount()]) {
    console.error(`running ${w.id} ...`);
    results.push(await measure(w, RUNS));
  }
  report('dsl', results, { 'word count words/s / engine count records/s': results[1]!.median / results[0]!.median });
}

/**
 * Word count beside Java Kafka Streams 4.4 running the same program on the same lines through
 * its own TopologyTestDriver (bench/reference-java; needs Java 17 and Maven). Ratios: ours / Java.
 */
async function dslJava(): Promise<void> {
  const ours = await measure(wordCount(), RUNS);
  const [rocksDb, inMemory] = javaWordCounts(RUNS);
  report('dsl-java', [ours, rocksDb!, inMemory!], {
    'ours (LevelDB) / Java (RocksDB)': ours.median / rocksDb!.median,
    'ours (LevelDB) / Java (in-memory)': ours.median / inMemory!.median,
  });
}

/** Enrichment against a 100k-key table (issue 7, PERF.md W4) through the driver. */
async function joins(): Promise<void> {
  const results: WorkloadResult[] = [];
  for (const w of [tableLoad(), streamTableJoin(), globalTableJoin(), exampleEnrichment()]) {
    console.error(`running ${w.id} ...`);
    results.push(await measure(w, RUNS));
  }
  report('joins', results, { 'global-table join / stream-table join': results[2]!.median / results[1]!.median });
}

/** Windowed counts (issue 6, PERF.md W3/W5) through the driver over 10k keys, beside the engine's LevelDB count. */
async function windows(): Promise<void> {
  const results: WorkloadResult[] = [];
  for (const w of [levelDbCount(Stores), tumblingCount(), hoppingCount(), sessionCount()]) {
    console.error(`running ${w.id} ...`);
    results.push(await measure(w, RUNS));
  }
  report('windows', results, {
    'tumbling / engine count': results[1]!.median / results[0]!.median,
    'hopping (6 windows/record) / tumbling': results[2]!.median / results[1]!.median,
    'session / tumbling': results[3]!.median / results[1]!.median,
  });
}

/** The enrichment joins end to end on a broker (KAFKA_BOOTSTRAP): 200k orders, 100k-key table, 3 partitions. */
async function joinsKafka(): Promise<void> {
  const results: WorkloadResult[] = [];
  for (const w of endToEndJoins()) {
    console.error(`running ${w.id} ...`);
    results.push(await measure(w, Math.min(RUNS, 3)));
  }
  report('joins-kafka', results, { 'global-table / stream-table': results[1]!.median / results[0]!.median });
}

/**
 * Issue 4 on a real broker (started here unless KAFKA_BOOTSTRAP is set), drain mode: the
 * kafkajs pipe, a stateless topology, word count at-least-once, and a 1M-record restore.
 * BENCH_KAFKA_RUNS rounds (3); sizes in bench/kafka-workloads.ts.
 */
async function kafka(): Promise<void> {
  const { results, ratios } = await kafkaGroup(Number(process.env.BENCH_KAFKA_RUNS ?? 3));
  report('kafka', results, ratios);
}

/** Windowed counts end to end on a broker (KAFKA_BOOTSTRAP): 200k clicks, 10k keys, 3 partitions, drain mode. */
async function windowsKafka(): Promise<void> {
  const results: WorkloadResult[] = [];
  for (const w of endToEndWindows()) {
    console.error(`running ${w.id} ...`);
    results.push(await measure(w, Math.min(RUNS, 3)));
  }
  report('windows-kafka', results, { 'hopping / tumbling': results[1]!.median / results[0]!.median, 'session / tumbling': results[2]!.median / results[0]!.median });
}

const groups: { [name: string]: () => Promise<void> } = { engine, dsl, 'dsl-java': dslJava, joins, 'joins-kafka': joinsKafka, windows, 'windows-kafka': windowsKafka, kafka };
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['engine'];
for (const name of wanted) {
  const group = groups[name];
  if (!group) throw new Error(`Unknown bench group "${name}"; groups: ${Object.keys(groups).join(', ')}`);
  await group();
}
