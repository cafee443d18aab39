import { AssignerProtocol, type Admin, type Kafka } from 'kafkajs';
import type { CommittedOffset, EngineAdmin, GroupDescription, GroupMemberDescription, NewTopic } from './engine.js';
import { retryOf, type KafkaClientOptions } from './kafka-client.js';
import { errorType, isConnectionFailure, KafkaClientError, MissingSourceTopicError, toStreamsError } from './kafka-errors.js';
import { createAdminOnCluster, createCluster, ISOLATION_READ_COMMITTED, type InternalCluster } from './kafkajs-internals.js';
import { retrying } from './retrying.js';
import { topicPartitionKey } from './topic-partitions.js';

const BROKER_RESOURCE = 4;
const STALE_METADATA = new Set(['LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION', 'UNKNOWN_TOPIC_OR_PARTITION']);

/**
 * The narrow admin the runtime needs: internal topics, partition counts, group offsets,
 * end offsets (read-committed), purging, group description. Built on its own Cluster with
 * read_committed isolation, so ListOffsets' latest offset is the last stable offset.
 */
export class KafkaAdmin implements EngineAdmin {
  private readonly cluster: InternalCluster;
  private readonly admin: Admin;
  private connected: Promise<void> | null = null;

  constructor(
    kafka: Kafka,
    private readonly options: KafkaClientOptions,
  ) {
    this.cluster = createCluster(kafka, { isolationLevel: ISOLATION_READ_COMMITTED });
    this.admin = createAdminOnCluster(kafka, this.cluster, retryOf(options));
  }

  createTopics(topics: readonly NewTopic[]): Promise<string[]> {
    return this.call('create topics', async () => {
      const existing = new Set(await this.admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t.name));
      if (missing.length === 0) return [];
      const defaultFactor = missing.some((t) => (t.replicationFactor ?? -1) < 0) ? await this.defaultReplicationFactor() : 1;
      // kafkajs's own wait for leaders gives up at once when a new topic is not in the broker's
      // metadata yet (UNKNOWN_TOPIC_OR_PARTITION right after CreateTopics): wait below instead.
      await this.admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.numPartitions,
          replicationFactor: (t.replicationFactor ?? -1) < 0 ? defaultFactor : t.replicationFactor,
          configEntries: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
      // Also when another instance created some of them first (kafkajs then reports nothing).
      await this.waitForLeaders(missing.map((t) => t.name));
      return missing.map((t) => t.name);
    });
  }

  partitionCounts(topics: readonly string[]): Promise<Map<string, number>> {
    return this.call('describe topics', () => this.partitionCountsOf(topics));
  }

  listTopics(): Promise<string[]> {
    return this.call('list topics', () => this.admin.listTopics());
  }

  committedOffsets(groupId: string, topics: readonly string[]): Promise<Map<string, CommittedOffset>> {
    return this.call('fetch committed offsets', async () => {
      const out = new Map<string, CommittedOffset>();
      if (topics.length === 0) return out;
      for (const { topic, partitions } of await this.admin.fetchOffsets({ groupId, topics: [...topics] })) {
        for (const { partition, offset, metadata } of partitions) {
          const value = BigInt(offset);
          if (value >= 0n) out.set(topicPartitionKey(topic, partition), { offset: value, metadata: metadata ?? null });
        }
      }
      return out;
    });
  }

  endOffsets(topics: readonly string[]): Promise<Map<string, bigint>> {
    return this.call('list end offsets', () => this.listOffsets(topics, { fromBeginning: false }));
  }

  beginningOffsets(topics: readonly string[]): Promise<Map<string, bigint>> {
    return this.call('list beginning offsets', () => this.listOffsets(topics, { fromBeginning: true }));
  }

  offsetsForTimes(topics: readonly string[], timestamp: number): Promise<Map<string, bigint>> {
    return this.call('list offsets by timestamp', async () => {
      const found = await this.listOffsets(topics, { fromTimestamp: timestamp });
      // No record at or after the timestamp: the broker answers -1, meaning the end.
      if ([...found.values()].every((o) => o >= 0n)) return found;
      const ends = await this.listOffsets(topics, { fromBeginning: false });
      for (const [key, offset] of found) if (offset < 0n) found.set(key, ends.get(key) ?? 0n);
      return found;
    });
  }

  deleteRecords(topic: string, offsets: ReadonlyMap<number, bigint>): Promise<void> {
    return this.call('delete records', async () => {
      if (offsets.size === 0) return;
      await this.targetTopics([topic]);
      const partitions = [...offsets].map(([partition, offset]) => ({ partition, offset: offset.toString() }));
      await this.admin.deleteTopicRecords({ topic, partitions });
    });
  }

  describeGroup(groupId: string): Promise<GroupDescription> {
    return this.call('describe group', async () => {
      const { groups } = await this.admin.describeGroups([groupId]);
      const group = groups.find((g) => g.groupId === groupId) ?? groups[0]!;
      return { groupId, state: group.state, protocol: group.protocol, members: group.members.map(describeMember) };
    });
  }

  async close(): Promise<void> {
    if (this.connected) await this.admin.disconnect();
    this.connected = null;
  }

  /** Connects once, runs `fn`, converts failures to `StreamsError`s. */
  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      this.connected ??= this.admin.connect().catch((e: unknown) => {
        this.connected = null;
        throw e;
      });
      await this.connected;
      return await fn();
    } catch (e) {
      throw toStreamsError(e, what, this.options.brokers);
    }
  }

  private async partitionCountsOf(topics: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (topics.length === 0) return out;
    try {
      const { topics: found } = await this.admin.fetchTopicMetadata({ topics: [...topics] });
      for (const t of found) out.set(t.name, t.partitions.length);
    } catch (e) {
      if (errorType(e) !== 'UNKNOWN_TOPIC_OR_PARTITION') throw e;
      const all = new Set(await this.admin.listTopics());
      const missing = topics.filter((t) => !all.has(t));
      if (missing.length > 0) throw new MissingSourceTopicError(missing);
      throw e;
    }
    return out;
  }

  /** Makes the Cluster's metadata cover `topics` (throws for a missing one). */
  private async targetTopics(topics: readonly string[]): Promise<void> {
    await this.cluster.addMultipleTargetTopics([...topics]);
    await this.cluster.refreshMetadataIfNecessary();
  }

  /** Waits (bounded retries with backoff) until every partition of `topics` has a leader. */
  private waitForLeaders(topics: readonly string[]): Promise<void> {
    const retriable = (e: unknown): boolean => STALE_METADATA.has(errorType(e) ?? '') || isConnectionFailure(e);
    return retrying(
      async (attempt) => {
        if (attempt > 0) await this.cluster.refreshMetadata();
        await this.targetTopics(topics);
        const leaderless = topics.filter((t) => {
          const partitions = this.cluster.findTopicPartitionMetadata(t);
          return partitions.length === 0 || partitions.some((p) => p.leader === undefined || p.leader < 0);
        });
        if (leaderless.length) throw new KafkaClientError(`No leader yet for topic(s) ${leaderless.join(', ')}.`, 'LEADER_NOT_AVAILABLE', true);
      },
      retriable,
      retryOf(this.options),
    );
  }

  private listOffsets(topics: readonly string[], from: { readonly fromBeginning: boolean } | { readonly fromTimestamp: number }): Promise<Map<string, bigint>> {
    const retriable = (e: unknown): boolean => STALE_METADATA.has(errorType(e) ?? '') || isConnectionFailure(e);
    return retrying(
      async (attempt) => {
        if (attempt > 0) await this.cluster.refreshMetadata();
        await this.targetTopics(topics);
        const request = topics.map((topic) => ({
          topic,
          ...from,
          partitions: this.cluster.findTopicPartitionMetadata(topic).map((p) => ({ partition: p.partitionId })),
        }));
        const out = new Map<string, bigint>();
        for (const { topic, partitions } of await this.cluster.fetchTopicsOffset(request)) {
          for (const p of partitions) out.set(topicPartitionKey(topic, p.partition), BigInt(p.offset));
        }
        return out;
      },
      retriable,
      retryOf(this.options),
    );
  }

  /** The brokers' `default.replication.factor` (CreateTopics v3 cannot ask for "broker default"). */
  private async defaultReplicationFactor(): Promise<number> {
    const { brokers } = await this.admin.describeCluster();
    const fallback = Math.min(3, Math.max(1, brokers.length));
    if (brokers.length === 0) return fallback;
    const { resources } = await this.admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: BROKER_RESOURCE, name: String(brokers[0]!.nodeId), configNames: ['default.replication.factor'] }],
    });
    const value = Number(resources[0]?.configEntries.find((c) => c.configName === 'default.replication.factor')?.configValue);
    return Number.isInteger(value) && value > 0 ? Math.min(value, brokers.length) : fallback;
  }
}

function describeMember(m: {
  memberId: string;
  clientId: string;
  clientHost: string;
  memberMetadata: Buffer;
  memberAssignment: Buffer;
}): GroupMemberDescription {
  const assignment = decodeOrNull(() => AssignerProtocol.MemberAssignment.decode(m.memberAssignment));
  const metadata = decodeOrNull(() => AssignerProtocol.MemberMetadata.decode(m.memberMetadata));
  return {
    memberId: m.memberId,
    clientId: m.clientId,
    clientHost: m.clientHost,
    assignment: assignment?.assignment ?? {},
    assignmentUserData: assignment?.userData?.length ? assignment.userData : null,
    subscriptionUserData: metadata?.userData?.length ? metadata.userData : null,
  };
}

function decodeOrNull<T>(decode: () => T | null): T | null {
  try {
    return decode();
  } catch {
    return null;
  }
}
