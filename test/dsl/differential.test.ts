// Differential runs against Java: each program of ./differential/*-programs.ts also exists in
// tools/java-reference/src/main/java/kstreams/reference/DifferentialPrograms.java. Both pipe the same
// pseudo-random input per seed (keys a-d, values like "b7" or null, timestamps that advance
// and sometimes jump back up to 11 ms; closed windows and outer-join results emitted at once),
// and the outputs of Java's TopologyTestDriver are in
// test/fixtures/java-differential/<program>.txt (`tools/java-reference/differential.sh
// --write-fixtures`). Any difference in values, tombstones, timestamps or order fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StreamBuilder } from '../../src/index.js';
import { driverFor, S, STRING_DEFAULTS } from './driver-helpers.js';
import { CLOCK_AND_STORE_PROGRAMS } from './differential/clock-and-store-programs.js';
import { inputs } from './differential/generator.js';
import { JOIN_PROGRAMS } from './differential/join-programs.js';
import { WINDOW_AND_AGGREGATE_PROGRAMS } from './differential/window-and-aggregate-programs.js';

/**
 * Seeds per program (1-100, as in Differential.java and the fixtures). To search further, run
 * both with the same range: `DIFFERENTIAL_SEEDS=101-1000` here, `-Ddifferential.seeds=101-1000`
 * there, with `DIFFERENTIAL_FIXTURES` naming the folder Java wrote.
 */
const [FIRST_SEED, LAST_SEED] = (process.env.DIFFERENTIAL_SEEDS ?? '1-100').split('-').map(Number) as [number, number];
const FIXTURES = process.env.DIFFERENTIAL_FIXTURES ?? new URL('../fixtures/java-differential/', import.meta.url).pathname;

const PROGRAMS = { ...WINDOW_AND_AGGREGATE_PROGRAMS, ...JOIN_PROGRAMS, ...CLOCK_AND_STORE_PROGRAMS };

/** Our output for every seed, in the fixture's format. */
async function run(topics: number, build: (b: StreamBuilder) => void, wallClockStepMs = 0): Promise<string> {
  let out = '';
  for (let seed = FIRST_SEED; seed <= LAST_SEED; seed++) {
    const b = new StreamBuilder();
    build(b);
    const intervals = wallClockStepMs === 0 ? { emitIntervalMsKstreamsWindowedAggregation: 0, emitIntervalMsKstreamsOuterJoinSpuriousResultsFix: 0 } : {};
    const driver = driverFor(b.build(STRING_DEFAULTS), intervals);
    const inputTopics = Array.from({ length: topics }, (_, i) => driver.createInputTopic(`in${i}`, S.serializer(), S.serializer()));
    const output = driver.createOutputTopic('out', S.deserializer(), S.deserializer());
    for (const r of inputs(seed, topics)) {
      if (wallClockStepMs > 0) await driver.advanceWallClockTime(wallClockStepMs);
      await inputTopics[r.topic]!.pipeInput(r.key, r.value, r.timestamp);
    }
    out += `--- seed ${seed}\n`;
    for (const r of output.readRecordsToList()) out += `${r.key} ${r.value} @${r.timestamp}\n`;
    await driver.close();
  }
  return out;
}

describe('differential runs against Java 4.4 (random input, outputs from its TopologyTestDriver)', () => {
  for (const [name, [topics, build, wallClockStepMs]] of Object.entries(PROGRAMS)) {
    it(name, async () => {
      const expected = readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');
      expect(await run(topics, build, wallClockStepMs)).toBe(expected);
    });
  }
});
