// Kafka: StreamsMetadataState
import { TaskId } from '../../processor/task-id.js';
import type { StreamPartitioner } from '../../processor/stream-partitioner.js';
import type { Serializer } from '../../serdes/serde.js';
import { StreamsError } from '../../errors/streams-error.js';
import type { Topology } from '../../topology/topology.js';
import type { TopicPartition } from '../kafka/engine.js';
import { partitionForKey } from '../kafka/default-partitioner.js';
import type { TopicPlan } from '../topic-plan.js';
import { HostInfo } from './host-info.js';
import { KeyQueryMetadata, type StreamsMetadata } from './streams-metadata.js';

/**
 * Which instance holds which stores, from the latest assignment: the leader lists the tasks
 * of every member that set `applicationServer` (Java's `partitionsByHost`), and this instance
 * reads that list back after each join. Stores and partitions follow from the tasks and the
 * topic plan.
 */
export class StreamsMetadataState {
  /** Active tasks per `host:port`; null until the first assignment was read. */
  private hosts: ReadonlyMap<string, readonly string[]> | null = null;
  /** Standby tasks per `host:port`. */
  private standbyHosts: ReadonlyMap<string, readonly string[]> = new Map();

  constructor(
    private readonly topology: Topology,
    private readonly plan: () => TopicPlan | null,
  ) {}

  /** The active and standby tasks of every instance with an endpoint, as the latest assignment lists them. */
  update(hosts: Readonly<{ [endpoint: string]: readonly string[] }>, standbyHosts: Readonly<{ [endpoint: string]: readonly string[] }> = {}): void {
    const byEndpoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    const endpoints = [...new Set([...Object.keys(hosts), ...Object.keys(standbyHosts)])].sort(byEndpoint);
    this.hosts = new Map(endpoints.map((e) => [e, hosts[e] ?? []]));
    this.standbyHosts = new Map(endpoints.map((e) => [e, standbyHosts[e] ?? []]));
  }

  all(): StreamsMetadata[] {
    const plan = this.plan();
    if (this.hosts === null || plan === null) return [];
    const globalStores = [...this.topology.stores].filter(([, spec]) => spec.global).map(([name]) => name);
    return [...this.hosts].map(([endpoint, tasks]) => {
      const active = this.describeTasks(plan, tasks);
      const standby = this.describeTasks(plan, this.standbyHosts.get(endpoint) ?? []);
      return {
        hostInfo: HostInfo.parse(endpoint),
        stateStoreNames: new Set([...globalStores, ...active.stores]),
        topicPartitions: active.partitions,
        standbyStateStoreNames: standby.stores,
        standbyTopicPartitions: standby.partitions,
      };
    });
  }

  /** The stores and input partitions of `tasks`. */
  private describeTasks(plan: TopicPlan, tasks: readonly string[]): { stores: Set<string>; partitions: TopicPartition[] } {
    const stores = new Set<string>();
    const partitions: TopicPartition[] = [];
    for (const id of tasks) {
      const task = TaskId.parse(id);
      for (const name of this.storesOf(task.subtopology)) stores.add(name);
      const sub = plan.subtopologies.find((s) => s.id === task.subtopology);
      for (const topic of sub?.sourceTopics ?? []) {
        if (task.partition < (plan.partitionCounts.get(topic) ?? sub!.numTasks)) partitions.push({ topic, partition: task.partition });
      }
    }
    return { stores, partitions };
  }

  forStore(storeName: string): StreamsMetadata[] {
    return this.all().filter((m) => m.stateStoreNames.has(storeName));
  }

  /**
   * The instance whose task holds `key` in `storeName`: the key's partition is the one the
   * default partitioner (murmur2 of the serialized key) or `partitioner` picks among the
   * store's sub-topology's tasks, as for the records that built the store. A global store
   * is answered by this instance (`local`).
   */
  forKey<K>(storeName: string, key: K, by: Serializer<K> | StreamPartitioner<K>, local: HostInfo | null): KeyQueryMetadata {
    const spec = this.topology.stores.get(storeName);
    const plan = this.plan();
    if (spec === undefined || this.hosts === null || plan === null) return KeyQueryMetadata.NOT_AVAILABLE;
    if (spec.global) return local === null ? KeyQueryMetadata.NOT_AVAILABLE : new KeyQueryMetadata(local, [], -1);
    const subtopology = this.subtopologyOf(storeName);
    const sub = plan.subtopologies.find((s) => s.id === subtopology);
    if (sub === undefined || sub.numTasks === 0) return KeyQueryMetadata.NOT_AVAILABLE;
    const topic = sub.sourceTopics[0] ?? '';
    const partition = 'serialize' in by ? this.defaultPartition(storeName, topic, key, by, sub.numTasks) : this.customPartition(storeName, topic, key, by, sub.numTasks);
    const task = new TaskId(subtopology, partition).toString();
    const standbys = [...this.standbyHosts].filter(([, tasks]) => tasks.includes(task)).map(([endpoint]) => HostInfo.parse(endpoint));
    for (const [endpoint, tasks] of this.hosts) if (tasks.includes(task)) return new KeyQueryMetadata(HostInfo.parse(endpoint), standbys, partition);
    return KeyQueryMetadata.NOT_AVAILABLE;
  }

  private defaultPartition<K>(storeName: string, topic: string, key: K, serializer: Serializer<K>, numPartitions: number): number {
    const bytes = serializer.serialize(topic, key);
    if (bytes === null) throw new StreamsError(`queryMetadataForKey("${storeName}"): the key serialized to null; a store key cannot be null.`);
    return partitionForKey(bytes, numPartitions);
  }

  private customPartition<K>(storeName: string, topic: string, key: K, partitioner: StreamPartitioner<K>, numPartitions: number): number {
    const partition = partitioner.partition(topic, key, null, numPartitions);
    if (partition === null || partition === undefined || !Number.isInteger(partition) || partition < 0 || partition >= numPartitions) {
      throw new StreamsError(
        `queryMetadataForKey("${storeName}"): the partitioner returned ${String(partition)} for a store with ${numPartitions} partitions; ` +
          'return a partition in that range, or pass the key serializer to use the default partitioner.',
      );
    }
    return partition;
  }

  private storesOf(subtopology: number): string[] {
    return [...this.topology.stores].filter(([name, spec]) => !spec.global && this.subtopologyOf(name) === subtopology).map(([name]) => name);
  }

  private subtopologyOf(storeName: string): number {
    const users = this.topology.stores.get(storeName)!.users;
    return this.topology.subtopologies().find((s) => s.nodes.some((n) => users.has(n)))?.id ?? -1;
  }
}
