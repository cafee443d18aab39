import { TopicPlanError, type TopicPlan } from './topic-plan.js';

/**
 * The source topics `next` adds and removes compared with `current` (RegExp sources that
 * now match other topics). Throws a `TopicPlanError` when `next` would change the partition
 * count of an existing internal topic (a new match with more partitions than the
 * sub-topology has tasks), as Java's assignor fails.
 */
export function sourceTopicChanges(current: TopicPlan, next: TopicPlan): { added: string[]; removed: string[] } {
  const before = new Set(current.subtopologies.flatMap((s) => s.sourceTopics));
  const after = new Set(next.subtopologies.flatMap((s) => s.sourceTopics));
  const added = [...after].filter((t) => !before.has(t));
  const removed = [...before].filter((t) => !after.has(t));
  const counts = new Map(current.internalTopics.map((t) => [t.name, t.numPartitions]));
  const grown = next.internalTopics.filter((t) => counts.has(t.name) && counts.get(t.name) !== t.numPartitions);
  if (grown.length) {
    throw new TopicPlanError(
      `New topics match a RegExp source (${added.join(', ')}) but would change the partition count of internal topic(s) ` +
        `${grown.map((t) => `${t.name} (${counts.get(t.name)} -> ${t.numPartitions})`).join(', ')}; ` +
        'give matching topics at most as many partitions as the existing ones, or reset the application.',
    );
  }
  return { added, removed };
}
