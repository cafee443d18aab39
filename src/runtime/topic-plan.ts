// Kafka: StreamsPartitionAssignor's topic setup (RepartitionTopics, ChangelogTopics, CopartitionedTopicsEnforcer)
import type { Topology } from '../topology/topology.js';
import { StreamsError } from '../errors/streams-error.js';

/** Thrown when the topics of a topology cannot work together (missing or not co-partitioned). */
export class TopicPlanError extends StreamsError {}

/** An internal topic to create: name (with application id), partitions, configs. */
export interface InternalTopic {
  readonly name: string;
  readonly kind: 'repartition' | 'changelog';
  readonly numPartitions: number;
  readonly config: Readonly<{ [key: string]: string }>;
}

/** A sub-topology as the runtime sees it: its source topics and task count. */
export interface SubtopologyPlan {
  readonly id: number;
  /** Runtime topic names (internal ones prefixed) of its sources; pattern sources resolved. */
  readonly sourceTopics: readonly string[];
  readonly numTasks: number;
  /** Changelog topic per store of this sub-topology (store name -> topic). */
  readonly changelogs: ReadonlyMap<string, string>;
}

/** Everything the runtime needs to know about topics before it assigns tasks. */
export interface TopicPlan {
  readonly subtopologies: readonly SubtopologyPlan[];
  readonly internalTopics: readonly InternalTopic[];
  /** Partition count of every source topic (runtime name) when the plan was made. */
  readonly partitionCounts: ReadonlyMap<string, number>;
}

const REPARTITION_CONFIG = { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'segment.bytes': '52428800' };

/**
 * Works out task counts and internal topics from the user topics' partition counts:
 * a sub-topology has as many tasks as its largest source topic; a repartition topic has
 * the partitions its writer's sub-topology has unless fixed; a changelog has one
 * partition per task; co-partitioned topics must agree.
 *
 * `partitionsOf` returns the partition count of an existing user topic, or undefined
 * when it does not exist. `matchPattern` lists existing topics matching a pattern source.
 */
export function planTopics(
  topology: Topology,
  applicationId: string,
  partitionsOf: (topic: string) => number | undefined,
  matchPattern: (pattern: RegExp) => readonly string[] = () => [],
): TopicPlan {
  const prefix = (t: string): string => `${applicationId}-${t}`;
  const internal = topology.internalTopics;
  const internalNames = new Set([...internal.keys()].map(prefix));
  const groups = topology.subtopologies().filter((s) => !s.global);
  const sourcesOf = new Map<number, string[]>();
  const writersOf = new Map<string, number[]>();
  const missing: string[] = [];
  for (const g of groups) {
    const topics: string[] = [];
    for (const name of g.nodes) {
      const node = topology.nodes.get(name)!;
      if (node.kind === 'source') {
        for (const t of node.topics ?? matchPattern(node.pattern!)) topics.push(internal.has(t) ? prefix(t) : t);
      } else if (node.kind === 'sink' && node.topic !== null && internal.has(node.topic)) {
        const list = writersOf.get(prefix(node.topic)) ?? [];
        list.push(g.id);
        writersOf.set(prefix(node.topic), list);
      }
    }
    for (const t of topics) if (!internalNames.has(t) && partitionsOf(t) === undefined) missing.push(t);
    sourcesOf.set(g.id, topics);
  }
  if (missing.length) {
    throw new TopicPlanError(
      `Source topic(s) missing: ${[...new Set(missing)].join(', ')}. Create them before starting the application (auto topic creation is off on purpose).`,
    );
  }

  // Repartition topic counts depend on their writers' task counts, which may depend on other
  // repartition topics: resolve until nothing changes.
  const counts = new Map<string, number>();
  for (const spec of internal.values()) if (spec.numPartitions !== null) counts.set(prefix(spec.name), spec.numPartitions);
  const countOf = (t: string): number | undefined => counts.get(t) ?? partitionsOf(t);
  const tasksOf = (id: number): number | undefined => {
    const known = sourcesOf.get(id)!.map(countOf);
    return known.some((n) => n === undefined) ? undefined : Math.max(0, ...(known as number[]));
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const spec of internal.values()) {
      const name = prefix(spec.name);
      if (counts.has(name)) continue;
      const writerTasks = (writersOf.get(name) ?? []).map(tasksOf);
      if (writerTasks.length && writerTasks.every((n) => n !== undefined)) {
        counts.set(name, Math.max(...(writerTasks as number[])));
        changed = true;
      }
    }
  }
  enforceCopartitioning(topology, prefix, internalNames, counts, partitionsOf);

  const subtopologies: SubtopologyPlan[] = groups.map((g) => {
    const numTasks = tasksOf(g.id);
    if (numTasks === undefined) throw new TopicPlanError(`Cannot work out the partition count of sub-topology ${g.id}'s repartition topics.`);
    const changelogs = new Map<string, string>();
    for (const [storeName, store] of topology.stores) {
      if (store.global || ![...store.users].some((u) => g.nodes.includes(u))) continue;
      const sourceTopic = topology.sourceChangelogs.get(storeName);
      if (sourceTopic !== undefined) changelogs.set(storeName, sourceTopic);
      else if (store.builder.loggingEnabled) changelogs.set(storeName, prefix(`${storeName}-changelog`));
    }
    return { id: g.id, sourceTopics: sourcesOf.get(g.id)!, numTasks, changelogs };
  });

  const internalTopics: InternalTopic[] = [...internal.values()].map((spec) => ({
    name: prefix(spec.name),
    kind: 'repartition' as const,
    numPartitions: counts.get(prefix(spec.name))!,
    config: { ...REPARTITION_CONFIG, ...spec.config },
  }));
  for (const s of subtopologies) {
    for (const [storeName, topic] of s.changelogs) {
      if (topology.sourceChangelogs.has(storeName)) continue;
      internalTopics.push({ name: topic, kind: 'changelog', numPartitions: s.numTasks, config: { 'cleanup.policy': 'compact', ...topology.stores.get(storeName)!.builder.logConfig } });
    }
  }
  const partitionCounts = new Map<string, number>();
  for (const topics of sourcesOf.values()) {
    for (const t of topics) {
      const n = countOf(t);
      if (n !== undefined) partitionCounts.set(t, n);
    }
  }
  return { subtopologies, internalTopics, partitionCounts };
}

/** Co-partitioned groups: user topics must agree; repartition topics take their count. */
function enforceCopartitioning(
  topology: Topology,
  prefix: (t: string) => string,
  internalNames: ReadonlySet<string>,
  counts: Map<string, number>,
  partitionsOf: (topic: string) => number | undefined,
): void {
  for (const group of topology.copartitionGroups) {
    const runtime = group.map((t) => (topology.internalTopics.has(t) ? prefix(t) : t));
    const user = runtime.filter((t) => !internalNames.has(t));
    const userCounts = new Set(user.map((t) => partitionsOf(t)!));
    if (userCounts.size > 1) {
      throw new TopicPlanError(
        `Topics not co-partitioned: ${user.map((t) => `${t} (${partitionsOf(t)})`).join(', ')}. A join needs equal partition counts: ` +
          'recreate the topics with the same count, or repartition one side (KStream.repartition).',
      );
    }
    // A repartition topic with a count fixed by Repartitioned.withNumberOfPartitions cannot follow.
    const fixed = group.filter((t) => topology.internalTopics.get(t)?.numPartitions != null);
    const fixedCounts = new Set(fixed.map((t) => topology.internalTopics.get(t)!.numPartitions!));
    const target = userCounts.size === 1 ? [...userCounts][0]! : fixedCounts.size === 1 ? [...fixedCounts][0]! : Math.max(...runtime.map((t) => counts.get(t) ?? 0));
    const mismatched = fixed.filter((t) => topology.internalTopics.get(t)!.numPartitions !== target);
    if (mismatched.length > 0) {
      throw new TopicPlanError(
        `Topics not co-partitioned: repartition topic(s) ${mismatched.map((t) => `${prefix(t)} (${topology.internalTopics.get(t)!.numPartitions})`).join(', ')} ` +
          `must have ${target} partitions like ${runtime.filter((t) => !mismatched.some((m) => prefix(m) === t)).join(', ')}: ` +
          'change Repartitioned.withNumberOfPartitions, or leave it unset so the topic follows its join partner.',
      );
    }
    for (const t of runtime) if (internalNames.has(t)) counts.set(t, target);
  }
}
