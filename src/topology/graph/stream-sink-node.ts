// Kafka: StreamSinkNode
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { Serde } from '../../serdes/serde.js';
import type { StreamPartitioner } from '../../processor/stream-partitioner.js';
import type { TopicNameExtractor } from '../../processor/topic-name-extractor.js';

/** `KStream.to`: writes to a topic, or to the topic an extractor picks. Terminal. */
export interface StreamSinkNode extends GraphNodeBase<'stream-sink'> {
  readonly topic: string | TopicNameExtractor;
  readonly keySerde: Serde<any> | null;
  readonly valueSerde: Serde<any> | null;
  readonly partitioner: StreamPartitioner | null;
}

export const StreamSinkNode = {
  create(props: Omit<StreamSinkNode, 'kind'>): StreamSinkNode {
    return freezeNode({ kind: 'stream-sink', ...props });
  },
};
