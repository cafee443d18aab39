// Kafka: KTableImpl.doJoinOnForeignKey (ForeignJoinSubscriptionSendNode, ForeignTableJoinNode and the nodes between)
import type { Serde } from '../../serdes/serde.js';
import type { StreamPartitioner } from '../../processor/stream-partitioner.js';
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { StoreSpec } from './store-spec.js';

/** The topology node and topic names of a foreign-key join, as Kafka generates or derives them. */
export interface ForeignKeyJoinNames {
  readonly registrationTopic: string;
  readonly send: string;
  readonly registrationSink: string;
  readonly registrationSource: string;
  readonly subscriptionStore: string;
  readonly receive: string;
  readonly joinForeign: string;
  readonly foreignJoin: string;
  readonly responseTopic: string;
  readonly responseSink: string;
  readonly responseSource: string;
  readonly resolver: string;
}

/**
 * `KTable.join/leftJoin(other, foreignKeyExtractor, joiner)`. This table's changes subscribe
 * to the foreign key through `registrationTopic` (keyed by foreign key, co-partitioned with
 * the other table); the other side keeps subscriptions in `subscriptionStore` and answers
 * through `responseTopic` (back to this table's partition); `resolver` drops stale answers
 * (hash of this side's value) and the result table (`name`) upserts into `resultStore`
 * when materialized. Parents: [this table, other table].
 */
export interface ForeignKeyJoinNode extends GraphNodeBase<'foreign-key-join'> {
  readonly names: ForeignKeyJoinNames;
  /** True when the names derive from a generated counter value (no `TableJoined.as`). */
  readonly generatedNames: boolean;
  readonly extractor: (value: any, key: any) => unknown;
  readonly joiner: (value: any, foreignValue: any, key: any) => unknown;
  readonly leftJoin: boolean;
  /** This table's key and value serdes (the value serde hashes values), the other's key and value serdes. */
  readonly keySerde: Serde<any> | null;
  readonly valueSerde: Serde<any> | null;
  readonly foreignKeySerde: Serde<any> | null;
  readonly foreignValueSerde: Serde<any> | null;
  /** `TableJoined`: how this table's and the other table's topics are partitioned. */
  readonly partitioner: StreamPartitioner | null;
  readonly otherPartitioner: StreamPartitioner | null;
  /** Always present: the name is reserved even when the result is never materialized. */
  readonly resultStore: StoreSpec;
}

export const ForeignKeyJoinNode = {
  create(props: Omit<ForeignKeyJoinNode, 'kind'>): ForeignKeyJoinNode {
    return freezeNode({ kind: 'foreign-key-join', ...props });
  },
};
