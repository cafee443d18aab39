import { topicPartitionKey } from '../task/consumed-record.js';
import type { TopicPartition } from './engine.js';

export { topicPartitionKey };

/** Splits a `topicPartitionKey` (`'my-topic-3'`) back into topic and partition. */
export function parseTopicPartitionKey(key: string): TopicPartition {
  const dash = key.lastIndexOf('-');
  const partition = Number(key.slice(dash + 1));
  if (dash <= 0 || !Number.isInteger(partition) || partition < 0) {
    throw new Error(`Not a topic-partition key: '${key}' (expected '<topic>-<partition>').`);
  }
  return { topic: key.slice(0, dash), partition };
}

/** Partitions grouped by topic, each list sorted ascending. */
export function partitionsByTopic(partitions: Iterable<TopicPartition>): Map<string, number[]> {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) {
    let list = byTopic.get(topic);
    if (!list) byTopic.set(topic, (list = []));
    list.push(partition);
  }
  for (const list of byTopic.values()) list.sort((a, b) => a - b);
  return byTopic;
}

/** Flattens `{ topic: partitions[] }` into a sorted list of topic-partitions. */
export function fromAssignment(assignment: Readonly<Record<string, readonly number[]>>): TopicPartition[] {
  const out: TopicPartition[] = [];
  for (const topic of Object.keys(assignment).sort()) {
    for (const partition of [...assignment[topic]!].sort((a, b) => a - b)) out.push({ topic, partition });
  }
  return out;
}
