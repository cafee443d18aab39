// Benchmark harness: runs a workload several times, reports the median and the spread.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** One measured workload. `run` returns the number of records (or words) it handled. */
export interface Workload {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly target?: string;
  setup?(): Promise<void> | void;
  run(): Promise<number> | number;
  teardown?(): Promise<void> | void;
}

export interface WorkloadResult {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly target?: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number[];
}

/** Runs `w` once to warm up, then `runs` times; rates are units per second. */
export async function measure(w: Workload, runs: number): Promise<WorkloadResult> {
  await w.setup?.();
  try {
    await w.run();
    const rates: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      const n = await w.run();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      rates.push(n / seconds);
    }
    const sorted = [...rates].sort((a, b) => a - b);
    return { id: w.id, title: w.title, unit: w.unit, target: w.target, median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, runs: rates };
  } finally {
    await w.teardown?.();
  }
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Prints a Markdown table and writes `bench/results/<date>-<name>.json`. */
export function report(name: string, results: readonly WorkloadResult[], ratios: Readonly<{ [label: string]: number }> = {}): void {
  const lines = [
    '| workload | median | min | max | target |',
    '|---|---:|---:|---:|---|',
    ...results.map((r) => `| ${r.title} | ${fmt(r.median)} ${r.unit}/s | ${fmt(r.min)} | ${fmt(r.max)} | ${r.target ?? ''} |`),
  ];
  for (const [label, value] of Object.entries(ratios)) lines.push(`| ${label} | ${(value * 100).toFixed(0)}% | | | |`);
  console.log(lines.join('\n'));
  // The harness runs compiled from .bench-dist/bench/: results go to the sources' bench/results/.
  const dir = new URL('../../bench/results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`${new Date().toISOString().slice(0, 10)}-${name}.json`, dir);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  writeFileSync(file, JSON.stringify({ name, date: new Date().toISOString(), machine, results, ratios }, null, 2));
}
