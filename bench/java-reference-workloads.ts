// The Java reference (PERF.md): the same word count through Java Kafka Streams' own
// TopologyTestDriver (bench/reference-java, Kafka Streams 4.4.0 from Maven Central).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LINES } from './dsl-workloads.js';
import type { WorkloadResult } from './harness.js';

// The harness runs compiled from .bench-dist/bench/: the Java sources stay in bench/.
const SOURCES = fileURLToPath(new URL('../../bench/reference-java/', import.meta.url));

/** Compiles WordCountDriver.java once (Maven resolves Kafka Streams), returning the class path. */
function compile(): { classPath: string; done: () => void } {
  const work = mkdtempSync(join(tmpdir(), 'kstreams-bench-java-'));
  const cpFile = join(work, 'cp.txt');
  execFileSync('mvn', ['-q', '-f', join(SOURCES, 'pom.xml'), 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`], { stdio: 'inherit' });
  const classPath = `${work}:${readFileSync(cpFile, 'utf8').trim()}`;
  execFileSync('javac', ['-cp', classPath, '-d', work, join(SOURCES, 'WordCountDriver.java')], { stdio: 'inherit' });
  return { classPath, done: () => rmSync(work, { recursive: true, force: true }) };
}

/**
 * Java's word count through its TopologyTestDriver with a RocksDB or in-memory `counts-store`,
 * after two warm-up runs (the JIT), `runs` measured runs in one JVM.
 */
export function javaWordCounts(runs: number): WorkloadResult[] {
  const { classPath, done } = compile();
  try {
    return (['rocksdb', 'memory'] as const).map((store) => {
      console.error(`running java-driver-word-count-${store} ...`);
      const out = execFileSync('java', ['-cp', classPath, 'WordCountDriver', store, String(LINES), '2', String(runs)], { encoding: 'utf8' });
      const rates = [...out.matchAll(/^words\/s (\d+)$/gm)].map((m) => Number(m[1]));
      if (rates.length !== runs) throw new Error(`WordCountDriver printed ${rates.length} rates, expected ${runs}:\n${out}`);
      const sorted = [...rates].sort((a, b) => a - b);
      return {
        id: `java-driver-word-count-${store}`,
        title: `Java 4.4 TopologyTestDriver word count, ${store === 'rocksdb' ? 'RocksDB' : 'in-memory'} store, same lines`,
        unit: 'words',
        median: sorted[Math.floor(sorted.length / 2)]!,
        min: sorted[0]!,
        max: sorted.at(-1)!,
        runs: rates,
      };
    });
  } finally {
    done();
  }
}
