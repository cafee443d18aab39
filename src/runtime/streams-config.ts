import { StreamsError } from '../errors/streams-error.js';
import type { Serde } from '../serdes/serde.js';
import type { TimestampExtractor } from '../processor/timestamp-extractor.js';
import type { DeserializationHandler } from '../errors/deserialization-handler.js';
import type { ProcessingHandler } from '../errors/processing-handler.js';
import type { ProductionHandler } from '../errors/production-handler.js';

/** Thrown for an invalid configuration; the message names the key and what to do. */
export class ConfigError extends StreamsError {}

/**
 * Configuration of an application (Java's `StreamsConfig`), as a typed camelCase object.
 * Kafka's dotted names (`'application.id'`) are accepted too; unknown keys are rejected.
 */
export interface StreamsConfig {
  /** Names the consumer group, internal topics (`<applicationId>-...`) and the state folder. Required. */
  applicationId: string;
  /** Kafka brokers, `'host:port'` or a list. Required by `KafkaStreams`. */
  bootstrapServers?: string | readonly string[];
  /** `'at_least_once'` (default) or `'exactly_once_v2'`. */
  processingGuarantee?: 'at_least_once' | 'exactly_once_v2';
  /** How often tasks commit (30000 ms; 100 ms under exactly-once). */
  commitIntervalMs?: number;
  /** Root folder of task state (`<stateDir>/<applicationId>/<taskId>`); default `<tmpdir>/kstreams`. */
  stateDir?: string;
  /** Record-cache bytes for the whole instance, split across tasks (10 MiB). */
  cacheMaxBytes?: number;
  /** How long a task waits for data on all its partitions before processing (0; -1 never waits). */
  maxTaskIdleMs?: number;
  /** Records buffered per partition before the partition is paused (1000). */
  bufferedRecordsPerPartition?: number;
  /** Client id prefix for Kafka clients (default: applicationId). */
  clientId?: string;
  /** Serde used where a topology gives none. */
  defaultKeySerde?: Serde<any>;
  /** Serde used where a topology gives none. */
  defaultValueSerde?: Serde<any>;
  /** Event-time extractor used where a source gives none (`FailOnInvalidTimestamp`). */
  defaultTimestampExtractor?: TimestampExtractor;
  /** What to do with a record that cannot be deserialized: `'fail'` (default), `'continue'`, or a function. */
  deserializationExceptionHandler?: 'fail' | 'continue' | DeserializationHandler;
  /** What to do when user code throws while processing: `'fail'` (default), `'continue'`, or a function. */
  processingExceptionHandler?: 'fail' | 'continue' | ProcessingHandler;
  /** What to do when output cannot be serialized or sent: `'fail'` (default), `'continue'`, `'retry'`, or a function. */
  productionExceptionHandler?: 'fail' | 'continue' | 'retry' | ProductionHandler;
  /**
   * Where records skipped by a `'continue'` decision go (with error headers), instead of
   * only being counted (Kafka's `errors.dead.letter.queue.topic.name`). The topic must exist.
   */
  deadLetterQueueTopic?: string;
  /** `'none'` (default), `'all'`, or a comma list such as `'reuse.ktable.source.topics'`. */
  topologyOptimization?: string;
  /** Fail `build()` where a store, changelog or repartition topic would get a generated name. */
  ensureExplicitInternalResourceNaming?: boolean;
  /** Replication factor of internal topics (-1: broker default). */
  replicationFactor?: number;
  /** How long a task keeps retrying Kafka errors (opening, fencing, restoring) before failing (300000). */
  taskTimeoutMs?: number;
  /**
   * How often (ms) the topics matching a RegExp source are looked up again, so a topic
   * created later is read too (the consumer's `metadata.max.age.ms`, 300000).
   */
  metadataMaxAgeMs?: number;
  /**
   * `'host:port'` where this instance serves interactive queries (Java's
   * `application.server`): shared with the group so any instance can tell, with
   * `KafkaStreams.queryMetadataForKey`, which instance holds a key.
   */
  applicationServer?: string;
  /**
   * Standby replicas of each stateful task kept warm on other instances (Java's
   * `num.standby.replicas`, 0): a task that moves to an instance with its standby restores
   * only what the standby had not applied yet.
   */
  numStandbyReplicas?: number;
  /**
   * How often (wall-clock ms) a windowed aggregation emitting on window close looks for
   * closed windows (Kafka's internal `__emit.interval.ms.kstreams.windowed.aggregation__`,
   * 1000). Tests under the driver's mocked clock set 0.
   */
  emitIntervalMsKstreamsWindowedAggregation?: number;
  /**
   * How often (wall-clock ms) a left/outer stream-stream join looks for unmatched records whose
   * window closed (Kafka's internal `__emit.interval.ms.kstreams.outer.join.spurious.results.fix__`,
   * 1000). The test driver sets 0, as Java's does.
   */
  emitIntervalMsKstreamsOuterJoinSpuriousResultsFix?: number;
  /** Anything else an engine understands (kafkajs connection options live here). */
  [key: string]: unknown;
}

/** A config with every default filled in. */
export interface ResolvedStreamsConfig {
  readonly applicationId: string;
  readonly bootstrapServers: readonly string[];
  readonly processingGuarantee: 'at_least_once' | 'exactly_once_v2';
  readonly commitIntervalMs: number;
  readonly stateDir: string;
  readonly cacheMaxBytes: number;
  readonly maxTaskIdleMs: number;
  readonly bufferedRecordsPerPartition: number;
  readonly clientId: string;
  readonly defaultKeySerde: Serde<any> | null;
  readonly defaultValueSerde: Serde<any> | null;
  readonly defaultTimestampExtractor: TimestampExtractor | null;
  readonly deserializationExceptionHandler: 'fail' | 'continue' | DeserializationHandler;
  readonly processingExceptionHandler: 'fail' | 'continue' | ProcessingHandler;
  readonly productionExceptionHandler: 'fail' | 'continue' | 'retry' | ProductionHandler;
  readonly deadLetterQueueTopic: string | null;
  readonly topologyOptimization: string;
  readonly ensureExplicitInternalResourceNaming: boolean;
  readonly replicationFactor: number;
  readonly taskTimeoutMs: number;
  readonly metadataMaxAgeMs: number;
  readonly applicationServer: string | null;
  readonly numStandbyReplicas: number;
  /** Every key as given (camelCase), for `context.appConfigs`. */
  readonly raw: Readonly<{ [key: string]: unknown }>;
}

/** Keys every engine understands; engines add their own with `extraKeys`. */
const KNOWN_KEYS = new Set([
  'applicationId', 'bootstrapServers', 'processingGuarantee', 'commitIntervalMs', 'stateDir', 'cacheMaxBytes',
  'maxTaskIdleMs', 'bufferedRecordsPerPartition', 'clientId', 'defaultKeySerde', 'defaultValueSerde',
  'defaultTimestampExtractor', 'deserializationExceptionHandler', 'processingExceptionHandler',
  'productionExceptionHandler', 'deadLetterQueueTopic',
  'topologyOptimization', 'ensureExplicitInternalResourceNaming', 'replicationFactor', 'taskTimeoutMs',
  'metadataMaxAgeMs', 'applicationServer', 'numStandbyReplicas', 'emitIntervalMsKstreamsWindowedAggregation',
  'emitIntervalMsKstreamsOuterJoinSpuriousResultsFix',
]);

/** Kafka's dotted names that differ from a plain camelCase conversion. */
const RENAMED: Readonly<{ [dotted: string]: string }> = {
  'statestore.cache.max.bytes': 'cacheMaxBytes',
  'cache.max.bytes.buffering': 'cacheMaxBytes',
  'default.key.serde': 'defaultKeySerde',
  'default.value.serde': 'defaultValueSerde',
  'default.timestamp.extractor': 'defaultTimestampExtractor',
  'ensure.explicit.internal.resource.naming': 'ensureExplicitInternalResourceNaming',
  'errors.dead.letter.queue.topic.name': 'deadLetterQueueTopic',
  '__emit.interval.ms.kstreams.windowed.aggregation__': 'emitIntervalMsKstreamsWindowedAggregation',
  '__emit.interval.ms.kstreams.outer.join.spurious.results.fix__': 'emitIntervalMsKstreamsOuterJoinSpuriousResultsFix',
};

function camel(key: string): string {
  if (RENAMED[key]) return RENAMED[key]!;
  return key.includes('.') ? key.replace(/\.([a-z])/g, (_, c: string) => c.toUpperCase()) : key;
}

/**
 * Validates and completes a config. `extraKeys` are the keys an engine accepts beyond the
 * common ones (e.g. kafkajs's `ssl`, `sasl`).
 */
export function resolveStreamsConfig(input: StreamsConfig, extraKeys: readonly string[] = []): ResolvedStreamsConfig {
  const c: { [key: string]: unknown } = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    const name = camel(key);
    if (!KNOWN_KEYS.has(name) && !extraKeys.includes(name)) unknown.push(key);
    c[name] = value;
  }
  if (unknown.length) {
    throw new ConfigError(
      `Unknown config key(s): ${unknown.join(', ')}. Known keys: ${[...KNOWN_KEYS, ...extraKeys].join(', ')} (Kafka's dotted names are accepted too).`,
    );
  }
  if (typeof c.applicationId !== 'string' || !/^[a-zA-Z0-9._-]+$/.test(c.applicationId)) {
    throw new ConfigError(
      `applicationId is required and may contain only letters, digits, '.', '_' and '-' (got ${JSON.stringify(c.applicationId)}).`,
    );
  }
  const guarantee = c.processingGuarantee ?? 'at_least_once';
  if (guarantee === 'exactly_once' || guarantee === 'exactly_once_beta') {
    throw new ConfigError(`processingGuarantee '${guarantee}' was removed in Kafka Streams 4.0; use 'exactly_once_v2'.`);
  }
  if (guarantee !== 'at_least_once' && guarantee !== 'exactly_once_v2') {
    throw new ConfigError(`processingGuarantee must be 'at_least_once' or 'exactly_once_v2' (got ${JSON.stringify(guarantee)}).`);
  }
  const num = (key: string, def: number, min: number): number => {
    const v = c[key] ?? def;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
      throw new ConfigError(`${key} must be a number >= ${min} (got ${JSON.stringify(v)}).`);
    }
    return v;
  };
  const servers = c.bootstrapServers;
  return {
    applicationId: c.applicationId,
    bootstrapServers: typeof servers === 'string' ? servers.split(',').map((s) => s.trim()) : ((servers as string[]) ?? []),
    processingGuarantee: guarantee,
    commitIntervalMs: num('commitIntervalMs', guarantee === 'exactly_once_v2' ? 100 : 30_000, 0),
    stateDir: (c.stateDir as string) ?? `${process.env.TMPDIR ?? '/tmp'}/kstreams`,
    cacheMaxBytes: num('cacheMaxBytes', 10 * 1024 * 1024, 0),
    maxTaskIdleMs: num('maxTaskIdleMs', 0, -1),
    bufferedRecordsPerPartition: num('bufferedRecordsPerPartition', 1000, 1),
    clientId: (c.clientId as string) ?? c.applicationId,
    defaultKeySerde: (c.defaultKeySerde as Serde<any>) ?? null,
    defaultValueSerde: (c.defaultValueSerde as Serde<any>) ?? null,
    defaultTimestampExtractor: (c.defaultTimestampExtractor as TimestampExtractor) ?? null,
    deserializationExceptionHandler: (c.deserializationExceptionHandler as ResolvedStreamsConfig['deserializationExceptionHandler']) ?? 'fail',
    processingExceptionHandler: (c.processingExceptionHandler as ResolvedStreamsConfig['processingExceptionHandler']) ?? 'fail',
    productionExceptionHandler: (c.productionExceptionHandler as ResolvedStreamsConfig['productionExceptionHandler']) ?? 'fail',
    deadLetterQueueTopic: (c.deadLetterQueueTopic as string) ?? null,
    topologyOptimization: (c.topologyOptimization as string) ?? 'none',
    ensureExplicitInternalResourceNaming: Boolean(c.ensureExplicitInternalResourceNaming),
    replicationFactor: num('replicationFactor', -1, -1),
    taskTimeoutMs: num('taskTimeoutMs', 300_000, 0),
    metadataMaxAgeMs: num('metadataMaxAgeMs', 300_000, 1),
    applicationServer: (c.applicationServer as string) ?? null,
    numStandbyReplicas: num('numStandbyReplicas', 0, 0),
    raw: c,
  };
}
