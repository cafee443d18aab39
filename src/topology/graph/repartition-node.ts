// Kafka: OptimizableRepartitionNode / UnoptimizableRepartitionNode
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { Serde } from '../../serdes/serde.js';
import type { StreamPartitioner } from '../../processor/stream-partitioner.js';

/**
 * A repartition through an internal topic: a null-key filter (`filterName`) feeding a sink
 * (`sinkName`) to `topic`, read back by a source (`name`) in a new sub-topology. Inserted
 * before grouping/`toTable` after a key change, and by `KStream.repartition()`.
 */
export interface RepartitionNode extends GraphNodeBase<'repartition'> {
  readonly filterName: string;
  readonly sinkName: string;
  /** `<name>-repartition`, without the application id. */
  readonly topic: string;
  /** True when `topic` derives from a generated name (shifts when the topology changes). */
  readonly generatedTopic: boolean;
  readonly keySerde: Serde<any> | null;
  readonly valueSerde: Serde<any> | null;
  readonly partitioner: StreamPartitioner | null;
  /** `Repartitioned.withNumberOfPartitions`; null = as many as the upstream sub-topology. */
  readonly numPartitions: number | null;
  /** False for `KStream.repartition()`, which `merge.repartition.topics` never merges. */
  readonly optimizable: boolean;
}

export const RepartitionNode = {
  create(props: Omit<RepartitionNode, 'kind'>): RepartitionNode {
    return freezeNode({ kind: 'repartition', ...props });
  },
};
