// kafkajs never retries EndTxn or AddOffsetsToTxn, and retries TxnOffsetCommit only on
// error names that do not match its own error types (KAFKAJS-NOTES.md §3). A failed EndTxn
// leaves kafkajs's transaction state machine in COMMITTING/ABORTING for good. So the
// transactional producer's Cluster hands out coordinators whose three transaction calls
// retry on coordinator moves, loading and concurrent-transaction errors, finding the
// coordinator again each time; kafkajs's state machine then sees only the final outcome.
// Retrying EndTxn is safe: the coordinator answers a repeated EndTxn for a completed
// transaction with the same result with success, and a pending one with CONCURRENT_TRANSACTIONS.
import type { KafkaRetryOptions } from './kafka-client.js';
import { errorType, isConnectionFailure } from './kafka-errors.js';
import type { InternalBroker, InternalCluster } from './kafkajs-internals.js';
import { retrying } from './retrying.js';

const RETRIED_CALLS = new Set<PropertyKey>(['endTxn', 'addOffsetsToTxn', 'txnOffsetCommit']);

/** Kafka errors (kafkajs type names) after which a coordinator request may be sent again. */
const RETRIABLE_TYPES = new Set([
  'NOT_COORDINATOR_FOR_GROUP',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'GROUP_LOAD_IN_PROGRESS',
  'CONCURRENT_TRANSACTIONS',
  'REQUEST_TIMED_OUT',
  'NETWORK_EXCEPTION',
  'UNKNOWN_TOPIC_OR_PARTITION',
]);

/** True for errors a coordinator request survives by being sent again. */
export function isRetriableCoordinatorError(error: unknown): boolean {
  return RETRIABLE_TYPES.has(errorType(error) ?? '') || isConnectionFailure(error);
}

/** Makes `cluster.findGroupCoordinator` return brokers whose transaction calls retry. */
export function retryCoordinatorRequests(cluster: InternalCluster, retry: KafkaRetryOptions): void {
  const find = cluster.findGroupCoordinator.bind(cluster);
  cluster.findGroupCoordinator = async (args) => withRetries(await find(args), () => find(args), retry);
}

function withRetries(broker: InternalBroker, findAgain: () => Promise<InternalBroker>, retry: KafkaRetryOptions): InternalBroker {
  return new Proxy(broker, {
    get(target, prop) {
      if (RETRIED_CALLS.has(prop)) {
        return (request: object) =>
          retrying(
            async (attempt) => {
              const coordinator = (attempt === 0 ? target : await findAgain()) as unknown as Record<PropertyKey, (r: object) => Promise<unknown>>;
              return coordinator[prop]!(request);
            },
            isRetriableCoordinatorError,
            retry,
          );
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
