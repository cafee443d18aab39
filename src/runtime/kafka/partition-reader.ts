// PartitionReader: reads chosen partitions from chosen offsets outside any consumer group
// (changelog restore; later standby tasks and global tables).
//
// Why kafkajs's own Cluster + Fetch (KAFKAJS-NOTES.md §1, "Option A") and not a one-member
// reader group ("Option B"): every Fetch response carries the partition's last stable
// offset, so restore knows when it reached the read-committed end; any partitions from any
// offsets can be read and changed at once; nothing joins a group (no join round trips, no
// 3 s initial-rebalance delay, no new join per partition change) and nothing is committed.
// A group consumer hides control-only and aborted-only batches and cannot move past a
// zero-record batch, so its position can stall below the LSO. The cost is reliance on
// kafkajs internals (kafkajs-internals.ts: pinned version, integration-tested).
//
// Fetch is sent as Fetch v11 with our own response decoder (fetch-response.ts,
// record-batch-decoder.ts) so every batch, even an empty one, moves the position, and
// read_committed filtering follows Java's (read-committed.ts).
import { setTimeout as delay } from 'node:timers/promises';
import type { Kafka } from 'kafkajs';
import type { ConsumedBytes } from '../task/consumed-record.js';
import type { EnginePartitionReader, ReaderFetch, TopicPartition } from './engine.js';
import { EARLIEST_OFFSET } from './engine.js';
import { fetchV11Response, type FetchedPartition, type FetchResponse } from './fetch-response.js';
import { DEFAULT_RETRY, type KafkaRetryOptions } from './kafka-client.js';
import { isConnectionFailure, KafkaClientError, KafkaConnectionError, OffsetOutOfRangeError, toStreamsError } from './kafka-errors.js';
import {
  createCluster,
  FETCH_API_KEY,
  fetchV11Request,
  ISOLATION_READ_COMMITTED,
  protocolError,
  type InternalBroker,
  type InternalCluster,
} from './kafkajs-internals.js';
import { committedRecords } from './read-committed.js';
import { decodeRecordBatches } from './record-batch-decoder.js';
import { parseTopicPartitionKey, partitionsByTopic, topicPartitionKey } from './topic-partitions.js';

/** Options of a `PartitionReader`. */
export interface PartitionReaderOptions {
  /** Brokers, for error messages. */
  readonly brokers: readonly string[];
  /** Bytes per partition per fetch (2 MiB; the first batch of a partition comes whole anyway). */
  readonly partitionMaxBytes?: number;
  /** Bytes per fetch response (50 MiB, Java's `fetch.max.bytes`). */
  readonly maxBytes?: number;
  /** Consecutive failed fetch rounds tolerated, and their backoff (the client's retry settings). */
  readonly retry?: KafkaRetryOptions;
}

interface PartitionState extends TopicPartition {
  position: bigint;
  /** Bumped by assign/seek, so a response for an older position is ignored. */
  epoch: number;
}

interface Sent extends TopicPartition {
  readonly key: string;
  readonly fetchOffset: bigint;
  readonly epoch: number;
}

interface RoundResult {
  readonly records: Map<string, ConsumedBytes[]>;
  readonly positions: Map<string, bigint>;
  readonly lastStableOffsets: Map<string, bigint>;
  /** Partitions the broker answered OFFSET_OUT_OF_RANGE for (the error names their log range). */
  readonly outOfRange: Sent[];
  staleMetadata: boolean;
  failures: unknown[];
}

const OFFSET_OUT_OF_RANGE = 1;
/** Errors after which the leader must be looked up again (Java's `Errors` that invalidate metadata). */
const STALE_METADATA_CODES = new Set([3, 5, 6, 9, 56, 74, 75]);

/** Reads partitions from offsets outside the consumer group; one fetch per broker in flight. */
export class PartitionReader implements EnginePartitionReader {
  private readonly cluster: InternalCluster;
  private readonly states = new Map<string, PartitionState>();
  private readonly retry: Required<KafkaRetryOptions>;
  private connected: Promise<void> | null = null;
  private fetching = false;
  private failedRounds = 0;
  private rotation = 0;

  constructor(
    kafka: Kafka,
    private readonly options: PartitionReaderOptions,
  ) {
    // Its own Cluster: a broker serves one Fetch per connection at a time, so sharing the
    // main consumer's would queue our long-polls behind its fetches.
    this.cluster = createCluster(kafka, { isolationLevel: ISOLATION_READ_COMMITTED });
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  async assign(offsets: ReadonlyMap<string, bigint>): Promise<void> {
    const wanted = [...offsets].map(([key, offset]) => ({ ...parseTopicPartitionKey(key), key, offset }));
    try {
      await this.connect();
      await this.cluster.addMultipleTargetTopics([...new Set(wanted.map((w) => w.topic))]);
      const earliest = await this.listOffsets(wanted.filter((w) => w.offset === EARLIEST_OFFSET), true);
      for (const key of [...this.states.keys()]) if (!offsets.has(key)) this.states.delete(key);
      for (const w of wanted) {
        const position = w.offset === EARLIEST_OFFSET ? earliest.get(w.key)! : w.offset;
        const epoch = (this.states.get(w.key)?.epoch ?? 0) + 1;
        this.states.set(w.key, { topic: w.topic, partition: w.partition, position, epoch });
      }
    } catch (e) {
      throw toStreamsError(e, 'partition reader assign', this.options.brokers);
    }
  }

  seek(partition: TopicPartition, offset: bigint): void {
    const state = this.states.get(topicPartitionKey(partition.topic, partition.partition));
    if (!state) throw new Error(`Cannot seek ${partition.topic}-${partition.partition}: not assigned to this reader.`);
    state.position = offset;
    state.epoch++;
  }

  position(partition: TopicPartition): bigint | undefined {
    return this.states.get(topicPartitionKey(partition.topic, partition.partition))?.position;
  }

  async fetch(maxWaitMs: number): Promise<ReaderFetch> {
    if (this.fetching) throw new Error('PartitionReader.fetch is already running: await it before fetching again.');
    this.fetching = true;
    try {
      const round: RoundResult = {
        records: new Map(),
        positions: new Map(),
        lastStableOffsets: new Map(),
        outOfRange: [],
        staleMetadata: false,
        failures: [],
      };
      if (this.states.size === 0) await delay(maxWaitMs);
      else await this.fetchRound(round, maxWaitMs);
      if (round.outOfRange.length > 0) await this.throwOutOfRange(round);
      await this.afterRound(round);
      return round;
    } catch (e) {
      throw toStreamsError(e, 'partition reader fetch', this.options.brokers);
    } finally {
      this.fetching = false;
    }
  }

  async close(): Promise<void> {
    this.states.clear();
    if (this.connected) await this.cluster.disconnect();
    this.connected = null;
  }

  private connect(): Promise<void> {
    this.connected ??= this.cluster.connect().catch((e: unknown) => {
      this.connected = null;
      throw e;
    });
    return this.connected;
  }

  /** Log start (`fromBeginning`) or read-committed end offsets, by partition key. */
  private async listOffsets(wanted: ReadonlyArray<TopicPartition>, fromBeginning: boolean): Promise<Map<string, bigint>> {
    const out = new Map<string, bigint>();
    if (wanted.length === 0) return out;
    const request = [...partitionsByTopic(wanted)].map(([topic, ps]) => ({
      topic,
      fromBeginning,
      partitions: ps.map((partition) => ({ partition })),
    }));
    for (const { topic, partitions } of await this.cluster.fetchTopicsOffset(request)) {
      for (const p of partitions) out.set(topicPartitionKey(topic, p.partition), BigInt(p.offset));
    }
    return out;
  }

  /** One Fetch per leader broker, concurrently; the partition order rotates so none starves. */
  private async fetchRound(round: RoundResult, maxWaitMs: number): Promise<void> {
    const all = [...this.states.values()];
    const start = this.rotation++ % all.length;
    const ordered = [...all.slice(start), ...all.slice(0, start)];
    const byLeader = new Map<string, Sent[]>();
    for (const [topic, partitions] of partitionsByTopic(ordered)) {
      const leaders = this.cluster.findLeaderForPartitions(topic, partitions);
      const found = new Set(Object.values(leaders).flat());
      if (found.size < partitions.length) round.staleMetadata = true;
      for (const [nodeId, ps] of Object.entries(leaders)) {
        const list = byLeader.get(nodeId) ?? [];
        byLeader.set(nodeId, list);
        for (const partition of ps) list.push(this.sent(topic, partition));
      }
    }
    await Promise.all(
      [...byLeader].map(([nodeId, sent]) =>
        this.fetchFrom(nodeId, sent, maxWaitMs, round).catch((e: unknown) => {
          if (!isConnectionFailure(e)) throw e;
          round.failures.push(e);
        }),
      ),
    );
  }

  private sent(topic: string, partition: number): Sent {
    const key = topicPartitionKey(topic, partition);
    const state = this.states.get(key)!;
    return { topic, partition, key, fetchOffset: state.position, epoch: state.epoch };
  }

  private async fetchFrom(nodeId: string, sent: readonly Sent[], maxWaitMs: number, round: RoundResult): Promise<void> {
    const broker = await this.cluster.findBroker({ nodeId });
    const version = broker.versions?.[FETCH_API_KEY]?.maxVersion ?? 0;
    if (version < 11) throw new Error(`Broker ${nodeId} supports Fetch up to v${version}; kstreams needs v11 (Kafka 2.3+).`);
    const partitionMaxBytes = this.options.partitionMaxBytes ?? 2 * 1024 * 1024;
    const topics = [...partitionsByTopic(sent)].map(([topic, ps]) => ({
      topic,
      partitions: ps.map((partition) => ({
        partition,
        fetchOffset: sent.find((s) => s.topic === topic && s.partition === partition)!.fetchOffset.toString(),
        maxBytes: partitionMaxBytes,
      })),
    }));
    const request = fetchV11Request({
      isolationLevel: ISOLATION_READ_COMMITTED,
      maxWaitTime: maxWaitMs,
      minBytes: 1,
      maxBytes: this.options.maxBytes ?? 50 * 1024 * 1024,
      topics,
    });
    const response = await send<FetchResponse>(broker, { ...request, response: fetchV11Response });
    if (response.errorCode !== 0) throw protocolError(response.errorCode);
    for (const { topic, partitions } of response.topics) {
      for (const p of partitions) {
        const s = sent.find((x) => x.topic === topic && x.partition === p.partition);
        if (s) await this.applyPartition(s, p, round);
      }
    }
  }

  private async applyPartition(s: Sent, p: FetchedPartition, round: RoundResult): Promise<void> {
    if (p.errorCode === OFFSET_OUT_OF_RANGE) {
      if (this.states.get(s.key)?.epoch === s.epoch) round.outOfRange.push(s);
      return;
    }
    if (STALE_METADATA_CODES.has(p.errorCode)) {
      round.staleMetadata = true;
      return;
    }
    if (p.errorCode !== 0) throw protocolError(p.errorCode);
    const batches = p.recordSet ? await decodeRecordBatches(s.topic, s.partition, p.recordSet) : [];
    const state = this.states.get(s.key);
    if (!state || state.epoch !== s.epoch) return; // reassigned or sought meanwhile
    const { records, nextOffset } = committedRecords(batches, p.abortedTransactions, s.fetchOffset);
    state.position = nextOffset;
    round.positions.set(s.key, nextOffset);
    round.lastStableOffsets.set(s.key, p.lastStableOffset);
    if (records.length > 0) round.records.set(s.key, records);
  }

  /**
   * Fails with the first partition the broker answered OFFSET_OUT_OF_RANGE for (not sought
   * since), naming the partition's current log range: whether the position fell below the
   * log start (records deleted) or past the end tells what happened.
   */
  private async throwOutOfRange(round: RoundResult): Promise<void> {
    const current = round.outOfRange.filter((s) => this.states.get(s.key)?.epoch === s.epoch);
    if (current.length === 0) return;
    const [starts, ends] = await Promise.all([this.listOffsets(current, true), this.listOffsets(current, false)]);
    const s = current[0]!;
    throw new OffsetOutOfRangeError(s.topic, s.partition, s.fetchOffset, { start: starts.get(s.key)!, end: ends.get(s.key)! });
  }

  /**
   * Refreshes stale metadata. A round that failed (brokers unreachable) or only met stale
   * metadata (no leader, leader moved) counts as failed: the next one waits, doubling the
   * wait, and after `retry.retries` failed rounds in a row the fetch fails; never a busy loop.
   */
  private async afterRound(round: RoundResult): Promise<void> {
    if (round.staleMetadata || round.failures.length > 0) await this.cluster.refreshMetadata().catch(() => undefined);
    const failed = round.failures.length > 0 || (round.staleMetadata && round.positions.size === 0);
    if (!failed) {
      this.failedRounds = 0;
      return;
    }
    this.failedRounds++;
    if (this.failedRounds > this.retry.retries) {
      const cause = round.failures[0];
      const detail = `partition reader fetch failed ${this.failedRounds} times in a row`;
      if (cause === undefined || !isConnectionFailure(cause)) {
        throw new KafkaClientError(`${detail}: no leader found for ${[...this.states.keys()].join(', ')}`, undefined, true, { cause });
      }
      throw new KafkaConnectionError(this.options.brokers, detail, { cause });
    }
    const backoff = Math.min(this.retry.initialRetryTime * this.retry.multiplier ** (this.failedRounds - 1), this.retry.maxRetryTime);
    await delay(backoff);
  }
}

/** Sends on the broker's pool (its Fetch connection); a closed connection is dropped, as kafkajs does. */
async function send<T>(broker: InternalBroker, request: Parameters<InternalBroker['connectionPool']['send']>[0]): Promise<T> {
  try {
    return (await broker.connectionPool.send(request)) as T;
  } catch (e) {
    if ((e as { name?: string }).name === 'KafkaJSConnectionClosedError') await broker.disconnect();
    throw e;
  }
}
