// Kafka: StreamsMetadata, KeyQueryMetadata
import type { TopicPartition } from '../kafka/engine.js';
import { HostInfo } from './host-info.js';

/**
 * One instance of the application as the latest rebalance left it: where it serves
 * queries, which stores it holds and for which partitions (Java's `StreamsMetadata`).
 * Standby fields list its standby replicas (`numStandbyReplicas`).
 */
export interface StreamsMetadata {
  readonly hostInfo: HostInfo;
  /** Stores (of its tasks, and every global store) this instance can answer for. */
  readonly stateStoreNames: ReadonlySet<string>;
  /** Input partitions of its tasks. */
  readonly topicPartitions: readonly TopicPartition[];
  readonly standbyStateStoreNames: ReadonlySet<string>;
  readonly standbyTopicPartitions: readonly TopicPartition[];
}

/**
 * The instance holding a key of a store (Java's `KeyQueryMetadata`): `activeHost`, the
 * partition of the key, and the instances with a standby replica of it (`standbyHosts`).
 * `KeyQueryMetadata.NOT_AVAILABLE` when the store is unknown or the group's metadata is not
 * known yet (during a rebalance).
 */
export class KeyQueryMetadata {
  static readonly NOT_AVAILABLE = new KeyQueryMetadata(HostInfo.unavailable(), [], -1);

  constructor(
    readonly activeHost: HostInfo,
    readonly standbyHosts: readonly HostInfo[],
    readonly partition: number,
  ) {}
}
