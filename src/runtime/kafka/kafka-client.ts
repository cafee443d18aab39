import type { ConnectionOptions } from 'node:tls';
import { Kafka, logLevel, type LogEntry, type RetryOptions, type SASLOptions } from 'kafkajs';
import type { ResolvedStreamsConfig } from '../streams-config.js';

/** Severity of a kafkajs log line. */
export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** One kafkajs log line, handed to `KafkaClientOptions.log`. */
export interface KafkaLogEntry {
  readonly level: KafkaLogLevel;
  /** kafkajs component, e.g. `'Consumer'`, `'Connection'`. */
  readonly namespace: string;
  readonly message: string;
  readonly extra: Readonly<Record<string, unknown>>;
}

/** Bounded retries with exponential backoff (kafkajs's `RetryOptions`). */
export interface KafkaRetryOptions {
  readonly retries?: number;
  readonly initialRetryTime?: number;
  readonly maxRetryTime?: number;
  readonly multiplier?: number;
  readonly factor?: number;
}

/** Connection settings shared by every Kafka client of one application instance. */
export interface KafkaClientOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly ssl?: ConnectionOptions | boolean;
  readonly sasl?: SASLOptions;
  /** Socket connect timeout per attempt, ms (3000). */
  readonly connectionTimeout?: number;
  readonly authenticationTimeout?: number;
  /** Per-request timeout, ms (30000). */
  readonly requestTimeout?: number;
  /** Retries of failed requests and connects; bounded so an unreachable cluster fails (see DEFAULT_RETRY). */
  readonly retry?: KafkaRetryOptions;
  /** Receives kafkajs log lines at or above `logLevel`; none by default (kafkajs is quiet). */
  readonly log?: (entry: KafkaLogEntry) => void;
  /** Lowest level passed to `log` ('warn'). */
  readonly logLevel?: KafkaLogLevel;
}

/**
 * Default retry: 5 retries, 300 ms doubling to at most 5 s, about 10 s in all, after which
 * the call fails with the cause (e.g. ECONNREFUSED) instead of retrying forever.
 */
export const DEFAULT_RETRY: Required<KafkaRetryOptions> = {
  retries: 5,
  initialRetryTime: 300,
  maxRetryTime: 5_000,
  multiplier: 2,
  factor: 0.2,
};

/**
 * Config keys (camelCase) that this engine reads from `StreamsConfig` beyond the common
 * ones; pass them as `extraKeys` to `resolveStreamsConfig`.
 */
export const KAFKA_CLIENT_CONFIG_KEYS: readonly string[] = [
  'ssl', 'sasl', 'connectionTimeout', 'authenticationTimeout', 'requestTimeout', 'retry', 'kafkaLog', 'kafkaLogLevel',
];

const LEVELS: Readonly<Record<KafkaLogLevel, logLevel>> = {
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/** Connection options from a resolved application config (kafkajs keys come from `raw`). */
export function kafkaClientOptions(config: ResolvedStreamsConfig): KafkaClientOptions {
  const raw = config.raw;
  return {
    brokers: config.bootstrapServers,
    clientId: config.clientId,
    ssl: raw.ssl as KafkaClientOptions['ssl'],
    sasl: raw.sasl as KafkaClientOptions['sasl'],
    connectionTimeout: raw.connectionTimeout as number | undefined,
    authenticationTimeout: raw.authenticationTimeout as number | undefined,
    requestTimeout: raw.requestTimeout as number | undefined,
    retry: raw.retry as KafkaRetryOptions | undefined,
    log: raw.kafkaLog as KafkaClientOptions['log'],
    logLevel: raw.kafkaLogLevel as KafkaLogLevel | undefined,
  };
}

/** The retry settings every client of these options uses. */
export function retryOf(options: KafkaClientOptions): RetryOptions {
  return { ...DEFAULT_RETRY, ...options.retry };
}

/**
 * Creates the kafkajs client. Without a `log` sink kafkajs logs nothing, unless the
 * environment variable `KSTREAMS_KAFKAJS_LOG` names a level (then to stderr).
 */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  if (options.brokers.length === 0) throw new Error('bootstrapServers is empty: name at least one Kafka broker.');
  const envLevel = process.env.KSTREAMS_KAFKAJS_LOG as KafkaLogLevel | undefined;
  const sink = options.log ?? (envLevel && LEVELS[envLevel] ? stderrSink : undefined);
  const level = sink ? LEVELS[options.logLevel ?? envLevel ?? 'warn'] : logLevel.NOTHING;
  return new Kafka({
    brokers: [...options.brokers],
    clientId: options.clientId,
    ssl: options.ssl,
    sasl: options.sasl,
    connectionTimeout: options.connectionTimeout ?? 3_000,
    authenticationTimeout: options.authenticationTimeout,
    requestTimeout: options.requestTimeout ?? 30_000,
    retry: retryOf(options),
    logLevel: level,
    logCreator: () => (entry: LogEntry) => sink?.(toEntry(entry)),
  });
}

function toEntry({ namespace, level, log }: LogEntry): KafkaLogEntry {
  const { message, timestamp: _t, logger: _l, ...extra } = log as unknown as Record<string, unknown>;
  const name = level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : level === logLevel.INFO ? 'info' : 'debug';
  return { level: name, namespace, message: String(message), extra };
}

function stderrSink(entry: KafkaLogEntry): void {
  let extra: string;
  try {
    extra = JSON.stringify(entry.extra, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    extra = '';
  }
  process.stderr.write(`[kafkajs ${entry.level}] ${entry.namespace}: ${entry.message} ${extra}\n`);
}
