// Errors of the Kafka engine. kafkajs errors never leave this folder unwrapped: each
// public method converts them with `toStreamsError`, keeping the original as `cause`.
import { StreamsError } from '../../errors/streams-error.js';

/** A topology's source topic does not exist (auto topic creation is off on purpose). */
export class MissingSourceTopicError extends StreamsError {
  constructor(readonly topics: readonly string[]) {
    super(
      `Missing source topic(s): ${topics.join(', ')}. Create them before starting the application ` +
        `(kstreams never auto-creates user topics: a one-partition topic would break co-partitioning).`,
    );
  }
}

/** No broker could be reached within the configured retries. */
export class KafkaConnectionError extends StreamsError {
  constructor(
    readonly brokers: readonly string[],
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Cannot reach Kafka at ${brokers.join(', ')}: ${detail}. Check bootstrapServers and that the brokers are running ` +
        `(connectionTimeout and retry bound how long this takes).`,
      options,
    );
  }
}

/** A read position is outside the partition's log (e.g. deleted by retention). */
export class OffsetOutOfRangeError extends StreamsError {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: bigint,
    /** The partition's log start and end offsets when the error was confirmed, if known. */
    readonly range?: { readonly start: bigint; readonly end: bigint },
  ) {
    const found = range ? `; the log holds offsets ${range.start} to ${range.end}` : '';
    super(`Offset ${offset} is out of range for ${topic}-${partition}${found} (records were deleted or the offset is past the end).`);
  }
}

/** Another producer with the same transactional id took over: this instance lost the task. */
export class ProducerFencedError extends StreamsError {
  constructor(
    readonly transactionalId: string,
    options?: { cause?: unknown },
  ) {
    super(`Producer '${transactionalId}' was fenced by a newer instance with the same transactional id; its task moved.`, options);
  }
}

/**
 * An offset commit was refused because the group is rebalancing or moved to a new generation
 * (REBALANCE_IN_PROGRESS, ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID): not fatal, the tasks this
 * process keeps commit again after the rejoin (Java's `RebalanceInProgressException`).
 */
export class RebalanceInProgressError extends StreamsError {}

/** Any other failure of a Kafka client call; `type` is Kafka's error name when known. */
export class KafkaClientError extends StreamsError {
  constructor(
    message: string,
    readonly type: string | undefined,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface KafkajsErrorLike {
  name?: string;
  type?: string;
  code?: string | number;
  message?: string;
  retriable?: boolean;
  cause?: unknown;
}

const CONNECTION_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSLockTimeout',
]);

/**
 * Errors kafkajs marks non-retriable that a restarting broker answers for a while: no group or
 * transaction coordinator yet (its partition of `__consumer_offsets` / `__transaction_state`
 * is still loading). Java's clients keep looking for the coordinator; so does the runtime.
 */
const TRANSIENT_ERRORS = new Set(['KafkaJSGroupCoordinatorNotFound']);

/** The innermost error of a kafkajs `cause` chain (retriers wrap the original). */
export function rootCause(error: unknown): KafkajsErrorLike {
  let e = error as KafkajsErrorLike;
  for (let i = 0; i < 10 && e && typeof e === 'object' && e.cause && e.cause !== e; i++) e = e.cause as KafkajsErrorLike;
  return e ?? {};
}

/** Kafka's error name (`'NOT_COORDINATOR_FOR_GROUP'`, ...) of a kafkajs error or its cause. */
export function errorType(error: unknown): string | undefined {
  const e = error as KafkajsErrorLike | undefined;
  return e?.type ?? rootCause(error).type;
}

/** True when the error (or its cause) says the brokers could not be reached. */
export function isConnectionFailure(error: unknown): boolean {
  const e = error as KafkajsErrorLike | undefined;
  const root = rootCause(error);
  return CONNECTION_ERRORS.has(e?.name ?? '') || CONNECTION_ERRORS.has(root.name ?? '') || root.code === 'ECONNREFUSED';
}

/**
 * Converts a kafkajs error into a `StreamsError` (unchanged when it already is one).
 * `what` names the operation, e.g. `'create topics'`.
 */
export function toStreamsError(error: unknown, what: string, brokers: readonly string[]): StreamsError {
  if (error instanceof StreamsError) return error;
  const root = rootCause(error);
  if (isConnectionFailure(error)) {
    return new KafkaConnectionError(brokers, `${what} failed: ${root.message ?? String(error)}`, { cause: error });
  }
  const e = error as KafkajsErrorLike;
  const message = `Kafka ${what} failed: ${e?.message ?? String(error)}`;
  const retriable =
    root.retriable === true || e?.name === 'KafkaJSNumberOfRetriesExceeded' || TRANSIENT_ERRORS.has(e?.name ?? '') || TRANSIENT_ERRORS.has(root.name ?? '');
  return new KafkaClientError(message, errorType(error), retriable, { cause: error });
}

/** Whether an error from the engine is worth retrying (connection loss, a moving coordinator, a rebalance). */
export function isTransientKafkaError(error: unknown): boolean {
  if (error instanceof KafkaConnectionError) return true;
  if (error instanceof KafkaClientError) return error.retriable || ['REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID', 'NOT_COORDINATOR', 'COORDINATOR_NOT_AVAILABLE', 'COORDINATOR_LOAD_IN_PROGRESS'].includes(error.type ?? '');
  return false;
}
