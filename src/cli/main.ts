// The `kstreams` command: `kstreams run <module>` and `kstreams describe <module>`.
import { parseArgs } from 'node:util';
import { KafkaStreams } from '../runtime/kafka-streams.js';
import type { StreamsConfig } from '../runtime/streams-config.js';
import { configOverrides } from './config-overrides.js';
import { loadApp } from './load-app.js';

const USAGE = `Usage:
  kstreams run <app-module> [--config key=value]...   run until SIGTERM/SIGINT, then close cleanly
  kstreams describe <app-module>                      print the topology description

The module exports "topology" (or "buildTopology()") and "config". Config can be overridden by
environment variables KSTREAMS_<KEY> (e.g. KSTREAMS_BOOTSTRAP_SERVERS) and --config flags.`;

/** Runs the command line; resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { config: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, modulePath] = positionals;
  if (values.help || !command || !modulePath || (command !== 'run' && command !== 'describe')) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  let streams: KafkaStreams;
  try {
    const app = await loadApp(modulePath);
    if (command === 'describe') {
      console.log(app.topology.describe().toString());
      return 0;
    }
    const config = { ...app.config, ...configOverrides(process.env, values.config ?? []) } as StreamsConfig;
    streams = new KafkaStreams(app.topology, config);
  } catch (error) {
    // A broken module or config is a fatal start error: the reason, not a stack trace.
    console.error(`[kstreams] failed to start: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return run(streams);
}

async function run(streams: KafkaStreams): Promise<number> {
  let fatal: unknown = null;
  streams.events$.subscribe((e) => {
    if (e.type === 'state') console.error(`[kstreams] ${e.from} -> ${e.to}`);
    else if (e.type === 'assigned') console.error(`[kstreams] tasks: ${e.tasks.join(' ') || 'none'}${e.revoked.length > 0 ? ` (revoked ${e.revoked.join(' ')})` : ''}`);
    else if (e.type === 'restore-end' && e.restored > 0) console.error(`[kstreams] task ${e.taskId} restored ${e.restored} records in ${e.ms} ms`);
    else if (e.type === 'topics-changed') console.error(`[kstreams] source topics changed: added ${e.added.join(', ') || 'none'}; removed ${e.removed.join(', ') || 'none'}`);
    else if (e.type === 'error') {
      fatal = e.error;
      console.error(`[kstreams] error${e.taskId === undefined ? '' : ` in task ${e.taskId}`}: ${e.error instanceof Error ? e.error.message : String(e.error)}`);
    }
  });
  const stopped = new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      console.error(`[kstreams] ${signal}: closing`);
      void streams.close({ timeoutMs: 30_000 }).then((clean) => resolve(clean ? 0 : 1));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    streams.state$.subscribe({
      next: (s) => {
        if (s === 'ERROR') resolve(1);
      },
    });
  });
  try {
    await streams.start();
  } catch (error) {
    console.error(`[kstreams] failed to start: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const code = await stopped;
  if (code !== 0 && fatal) console.error(`[kstreams] stopped on error: ${fatal instanceof Error ? fatal.message : String(fatal)}`);
  return code;
}
