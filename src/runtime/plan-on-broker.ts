import type { Topology } from '../topology/topology.js';
import type { EngineAdmin } from './kafka/engine.js';
import { planTopics, type TopicPlan } from './topic-plan.js';

/**
 * The topic plan of `topology` against the cluster as it is now: the partition counts of
 * the source topics that exist, and the topics each RegExp source matches (internal
 * `__` topics excluded).
 */
export async function planOnBroker(admin: EngineAdmin, topology: Topology, applicationId: string): Promise<TopicPlan> {
  const all = await admin.listTopics();
  const existing = new Set(all);
  const matches = (p: RegExp): string[] => all.filter((t) => p.test(t) && !t.startsWith('__'));
  const userTopics = [...topology.nodes.values()].flatMap((n) =>
    n.kind !== 'source' ? [] : n.topics ? n.topics.filter((t) => !topology.internalTopics.has(t)) : matches(n.pattern!),
  );
  const present = [...new Set(userTopics.filter((t) => existing.has(t)))];
  const counts = present.length ? await admin.partitionCounts(present) : new Map<string, number>();
  return planTopics(topology, applicationId, (t) => counts.get(t), matches);
}

/** Creates the plan's repartition and changelog topics that do not exist yet, with Kafka's configs. */
export async function createInternalTopics(admin: EngineAdmin, plan: TopicPlan, replicationFactor: number): Promise<void> {
  await admin.createTopics(
    plan.internalTopics.map((t) => ({ name: t.name, numPartitions: t.numPartitions, replicationFactor, configs: t.config })),
  );
}
