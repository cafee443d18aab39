// Kafka: KStreamImpl.createRepartitionedSource
import type { Serde } from '../../serdes/serde.js';
import type { StreamPartitioner } from '../../processor/stream-partitioner.js';
import { RepartitionNode } from '../../topology/graph/repartition-node.js';
import type { DslGraphBuilder } from './dsl-graph-builder.js';

const SUFFIX = '-repartition';
const GENERATED = /^KSTREAM.*-[0-9]{10}$/;

/** What a repartition needs besides its parent. */
export interface RepartitionSpec {
  /** The topic name prefix: a user name, a store name or a generated processor name. */
  readonly prefix: string;
  /** Whether `prefix` was generated rather than given by the user. */
  readonly generated: boolean;
  readonly keySerde: Serde<any> | null;
  readonly valueSerde: Serde<any> | null;
  readonly partitioner?: StreamPartitioner | null;
  readonly numPartitions?: number | null;
  readonly optimizable: boolean;
}

/**
 * Names a repartition the way Kafka does and returns the node to add (not yet added).
 * Three counter values are always burned (sink, filter, source); the nodes get those
 * generated names only when the prefix itself is a generated `KSTREAM-...` name, else
 * `<topic>-sink`, `<topic>-filter` and `<topic>-source`.
 */
export function createRepartition(builder: DslGraphBuilder, parent: number, spec: RepartitionSpec): RepartitionNode {
  const topic = spec.prefix.endsWith(SUFFIX) ? spec.prefix : spec.prefix + SUFFIX;
  const genSink = builder.newProcessorName('KSTREAM-SINK-');
  const genFilter = builder.newProcessorName('KSTREAM-FILTER-');
  const genSource = builder.newProcessorName('KSTREAM-SOURCE-');
  const generatedNames = GENERATED.test(spec.prefix);
  return RepartitionNode.create({
    id: builder.nextId(),
    name: generatedNames ? genSource : `${topic}-source`,
    parents: [parent],
    sinkName: generatedNames ? genSink : `${topic}-sink`,
    filterName: generatedNames ? genFilter : `${topic}-filter`,
    topic,
    generatedTopic: spec.generated,
    keySerde: spec.keySerde,
    valueSerde: spec.valueSerde,
    partitioner: spec.partitioner ?? null,
    numPartitions: spec.numPartitions ?? null,
    optimizable: spec.optimizable,
  });
}
