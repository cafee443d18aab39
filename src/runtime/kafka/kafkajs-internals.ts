// The kafkajs 2.2.4 internals this folder relies on, in one place (see KAFKAJS-NOTES.md).
// kafkajs has no `exports` map, so deep paths resolve; they have no typings, hence the
// minimal local types below. Every use is covered by the integration tests, and the
// version check makes an unpinned upgrade fail loudly instead of misbehaving.
import { createRequire } from 'node:module';
import type { Admin, Consumer, Kafka, Logger, PartitionAssigner, PartitionMetadata, Producer, RetryOptions } from 'kafkajs';

const require = createRequire(import.meta.url);

/** The only kafkajs version whose internals this folder was checked against. */
export const KAFKAJS_VERSION = '2.2.4';

const installed = (require('kafkajs/package.json') as { version: string }).version;
if (installed !== KAFKAJS_VERSION) {
  throw new Error(
    `kstreams needs kafkajs ${KAFKAJS_VERSION} exactly (its engine uses kafkajs internals); found ${installed}. ` +
      `Pin "kafkajs": "${KAFKAJS_VERSION}" in package.json.`,
  );
}

/** One protocol request as kafkajs's connections send it. */
export interface ProtocolRequest {
  readonly request: { readonly apiKey: number; readonly apiVersion: number; readonly apiName: string };
  readonly response: { decode(raw: Buffer): Promise<unknown>; parse(decoded: any): Promise<unknown> };
  readonly requestTimeout?: number;
}

/** The parts of kafkajs's `Broker` (src/broker/index.js) used here. */
export interface InternalBroker {
  readonly nodeId: number | string | null;
  readonly versions: { readonly [apiKey: number]: { minVersion: number; maxVersion: number } } | null;
  readonly connectionPool: { send(request: ProtocolRequest): Promise<any> };
  disconnect(): Promise<void>;
  endTxn(args: object): Promise<unknown>;
  addOffsetsToTxn(args: object): Promise<unknown>;
  txnOffsetCommit(args: object): Promise<unknown>;
}

/** The parts of kafkajs's `Cluster` (src/cluster/index.js) used here. */
export interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  refreshMetadataIfNecessary(): Promise<void>;
  addMultipleTargetTopics(topics: string[]): Promise<void>;
  findTopicPartitionMetadata(topic: string): PartitionMetadata[];
  findLeaderForPartitions(topic: string, partitions: number[]): { [nodeId: string]: number[] };
  findBroker(args: { nodeId: string }): Promise<InternalBroker>;
  findGroupCoordinator(args: { groupId: string; coordinatorType?: number }): Promise<InternalBroker>;
  fetchTopicsOffset(
    // One of `fromBeginning` (earliest / latest) or `fromTimestamp` (first offset at or after it, -1 for none).
    topics: Array<{ topic: string; partitions: Array<{ partition: number }> } & ({ fromBeginning: boolean } | { fromTimestamp: number })>,
  ): Promise<Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>>;
}

type CreateCluster = (options: {
  metadataMaxAge: number;
  allowAutoTopicCreation: boolean;
  isolationLevel?: number;
  maxInFlightRequests?: number | null;
}) => InternalCluster;

/** kafkajs's Fetch request isolation levels. */
export const ISOLATION_READ_COMMITTED = 1;
/** API key of Fetch. */
export const FETCH_API_KEY = 1;
/** Coordinator type of transactions in FindCoordinator. */
export const COORDINATOR_TYPE_TRANSACTION = 1;

/**
 * A new Cluster built exactly as `kafka.consumer()` builds its own (same brokers, ssl,
 * sasl, logger, socket factory), through the factory kafkajs keeps under a private symbol.
 * `metadataMaxAge` is always set: kafkajs treats a missing one as 0 (metadata on every call).
 */
export function createCluster(
  kafka: Kafka,
  options: { isolationLevel?: number; metadataMaxAge?: number; maxInFlightRequests?: number } = {},
): InternalCluster {
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  if (!symbol) throw new Error('kafkajs internals changed: no private:Kafka:createCluster on the client');
  const create = (kafka as unknown as Record<symbol, CreateCluster>)[symbol]!;
  return create({
    metadataMaxAge: options.metadataMaxAge ?? 300_000,
    allowAutoTopicCreation: false,
    isolationLevel: options.isolationLevel ?? ISOLATION_READ_COMMITTED,
    maxInFlightRequests: options.maxInFlightRequests ?? null,
  });
}

/** kafkajs's Fetch v11 request encoder: `{ request, response, requestTimeout }`. */
export function fetchV11Request(args: {
  isolationLevel: number;
  maxWaitTime: number;
  minBytes: number;
  maxBytes: number;
  topics: Array<{ topic: string; partitions: Array<{ partition: number; fetchOffset: string; maxBytes: number }> }>;
}): ProtocolRequest {
  const fetch = require('kafkajs/src/protocol/requests/fetch/index.js') as {
    protocol(v: { version: number }): (a: object) => ProtocolRequest;
  };
  return fetch.protocol({ version: 11 })(args);
}

/** A kafkajs protocol error (`type`, `code`, `retriable`) for a Kafka error code. */
export function protocolError(code: number): Error & { type: string; code: number; retriable: boolean } {
  const mod = require('kafkajs/src/protocol/error.js') as { createErrorFromCode(code: number): any };
  return mod.createErrorFromCode(code);
}

/** A decompressor for a record batch's `attributes`, or null when uncompressed. */
export function codecFor(attributes: number): { decompress(buffer: Buffer): Promise<Buffer> } | null {
  const mod = require('kafkajs/src/protocol/message/compression/index.js') as {
    lookupCodecByAttributes(attributes: number): { decompress(buffer: Buffer): Promise<Buffer> } | null;
  };
  return mod.lookupCodecByAttributes(attributes);
}

/** Builds a kafkajs producer on a Cluster we own (as `kafka.producer()` does, src/index.js). */
export function createProducerOnCluster(
  kafka: Kafka,
  cluster: InternalCluster,
  options: { transactionalId?: string; transactionTimeout?: number; idempotent: boolean; retry: RetryOptions },
): Producer {
  const createProducer = require('kafkajs/src/producer/index.js') as (o: object) => Producer;
  const logger: Logger = kafka.logger();
  return createProducer({ ...options, cluster, logger });
}

/** Builds a kafkajs admin on a Cluster we own (as `kafka.admin()` does, src/index.js). */
export function createAdminOnCluster(kafka: Kafka, cluster: InternalCluster, retry: RetryOptions): Admin {
  const createAdmin = require('kafkajs/src/admin/index.js') as (o: object) => Admin;
  return createAdmin({ cluster, logger: kafka.logger(), retry });
}

/** Options of kafkajs's consumer factory (src/consumer/index.js), as `kafka.consumer()` passes them. */
export interface InternalConsumerOptions {
  readonly groupId: string;
  readonly partitionAssigners?: PartitionAssigner[];
  readonly sessionTimeout: number;
  readonly rebalanceTimeout: number;
  readonly heartbeatInterval: number;
  readonly maxBytesPerPartition: number;
  readonly maxBytes: number;
  readonly maxWaitTimeInMs: number;
  readonly retry: RetryOptions & { restartOnFailure?: (e: Error) => Promise<boolean> };
}

/** Builds a kafkajs consumer on a Cluster we own (as `kafka.consumer()` does, src/index.js), read_committed. */
export function createConsumerOnCluster(kafka: Kafka, cluster: InternalCluster, options: InternalConsumerOptions): Consumer {
  const createConsumer = require('kafkajs/src/consumer/index.js') as (o: object) => Consumer;
  return createConsumer({
    ...options,
    cluster,
    logger: kafka.logger(),
    minBytes: 1,
    isolationLevel: ISOLATION_READ_COMMITTED,
    rackId: '',
    metadataMaxAge: 300_000,
  });
}

/** The part of a kafkajs Fetch response (`broker.fetch`) the consumer's filter rewrites. */
export interface InternalFetchResponse {
  responses: Array<{
    topicName: string;
    partitions: Array<{ abortedTransactions: Array<{ producerId: string; firstOffset: string }>; messages: any[] }>;
  }>;
}

/**
 * Lets `transform` rewrite every Fetch response of brokers this Cluster hands out (the
 * consumer group fetches through `cluster.findBroker(...).fetch(...)`).
 */
export function transformFetchResponses(cluster: InternalCluster, transform: (response: InternalFetchResponse) => void): void {
  const patched = new WeakSet<object>();
  const find = cluster.findBroker.bind(cluster);
  cluster.findBroker = async (args) => {
    const broker = await find(args);
    if (!patched.has(broker)) {
      patched.add(broker);
      const target = broker as unknown as { fetch(request: object): Promise<InternalFetchResponse> };
      const fetch = target.fetch.bind(broker);
      target.fetch = async (request) => {
        const response = await fetch(request);
        transform(response);
        return response;
      };
    }
    return broker;
  };
}
