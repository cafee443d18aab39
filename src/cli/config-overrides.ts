import type { StreamsConfig } from '../runtime/streams-config.js';

/** Parses a flag or env value: numbers and booleans become numbers and booleans. */
function parseValue(raw: string): unknown {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  return raw;
}

/** `KSTREAMS_*` variables that are switches of the library, not config keys. */
const RESERVED = new Set(['KSTREAMS_KAFKAJS_LOG']);

/** `KSTREAMS_BOOTSTRAP_SERVERS` -> `bootstrapServers`. */
function envKey(name: string): string {
  return name
    .slice('KSTREAMS_'.length)
    .toLowerCase()
    .replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Config overrides for the runner: environment variables `KSTREAMS_<NAME>` (upper snake
 * case of the camelCase key) and then `--config key=value` flags (camelCase or Kafka's
 * dotted names), later ones winning. `KSTREAMS_KAFKAJS_LOG` (kafkajs log level to stderr) is not
 * a config key and is skipped.
 */
export function configOverrides(env: NodeJS.ProcessEnv, flags: readonly string[]): Partial<StreamsConfig> {
  const out: { [key: string]: unknown } = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('KSTREAMS_') && !RESERVED.has(name) && value !== undefined) out[envKey(name)] = parseValue(value);
  }
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new Error(`--config needs key=value, got "${flag}".`);
    out[flag.slice(0, eq)] = parseValue(flag.slice(eq + 1));
  }
  return out;
}
