// Pure task assignment for the streams assignor (no kafkajs): which tasks exist, which
// partitions each task reads, and a sticky, balanced distribution of tasks over members.
// Kafka: StreamsPartitionAssignor (task creation) + a simplified StickyTaskAssignor.
import type { TopicPartition } from './engine.js';

/** One group member as the assignor sees it: its id and the tasks it reports owning. */
export interface MemberTasks {
  readonly memberId: string;
  /** Tasks the member runs now (or has local state for), e.g. `['0_1', '1_0']`. */
  readonly ownedTasks: readonly string[];
  /** Tasks it keeps a standby replica of (warm state): preferred owners when a task must move. */
  readonly standbyTasks?: readonly string[];
}

/** Orders task ids `s_p` by sub-topology, then partition (numerically). */
export function compareTaskIds(a: string, b: string): number {
  const [sa, pa] = a.split('_').map(Number) as [number, number];
  const [sb, pb] = b.split('_').map(Number) as [number, number];
  return sa - sb || pa - pb;
}

/**
 * The tasks of a topology and the partitions each reads: task `s_p` reads partition p of
 * every source topic of sub-topology s (co-partitioning). A sub-topology has as many tasks
 * as its largest source topic has partitions; topics with no count (missing) add none.
 */
export function computeTasks(
  sourceTopicsBySubtopology: ReadonlyMap<number, readonly string[]>,
  partitionCount: (topic: string) => number,
): Map<string, TopicPartition[]> {
  const tasks = new Map<string, TopicPartition[]>();
  for (const [subtopology, topics] of [...sourceTopicsBySubtopology].sort((a, b) => a[0] - b[0])) {
    const counts = topics.map((topic) => [topic, partitionCount(topic)] as const);
    const max = Math.max(0, ...counts.map(([, n]) => n));
    for (let p = 0; p < max; p++) {
      tasks.set(
        `${subtopology}_${p}`,
        counts.filter(([, n]) => p < n).map(([topic]) => ({ topic, partition: p })),
      );
    }
  }
  return tasks;
}

/** The tasks whose partitions a member received, from `{ topic: partitions }`. */
export function tasksForPartitions(
  assignment: Readonly<Record<string, readonly number[]>>,
  sourceTopicsBySubtopology: ReadonlyMap<number, readonly string[]>,
): string[] {
  const subtopologyOf = new Map<string, number>();
  for (const [s, topics] of sourceTopicsBySubtopology) for (const t of topics) subtopologyOf.set(t, s);
  const tasks = new Set<string>();
  for (const [topic, partitions] of Object.entries(assignment)) {
    const s = subtopologyOf.get(topic);
    if (s !== undefined) for (const p of partitions) tasks.add(`${s}_${p}`);
  }
  return [...tasks].sort(compareTaskIds);
}

/**
 * Spreads `tasks` over `members`: balanced (task counts differ by at most one) and sticky
 * (a member keeps the tasks it owns as far as balance allows, one partition of each
 * sub-topology after another). New or moved tasks go, in task order, to the member with the
 * fewest tasks, which spreads each sub-topology's tasks across members. Deterministic: members are considered in `memberId` order, and a task
 * claimed by two members stays with the first.
 */
export function assignTasks(tasks: readonly string[], members: readonly MemberTasks[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const sorted = [...members].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  for (const m of sorted) result.set(m.memberId, []);
  if (sorted.length === 0) return result;

  const valid = new Set(tasks);
  const claimed = new Set<string>();
  const floor = Math.floor(tasks.length / sorted.length);
  let extraSlots = tasks.length % sorted.length;
  // A member keeps its tasks partition by partition across sub-topologies (0_0, 1_0, 0_1, ...),
  // so what it gives up is spread over sub-topologies too: a member joining a busy one does
  // not get, say, every stateful task of one sub-topology.
  const kept = sorted.map((m) => [...new Set(m.ownedTasks)].filter((t) => valid.has(t)).sort(comparePartitionFirst));

  // 1. Everyone keeps up to `floor` of its own tasks.
  sorted.forEach((m, i) => keep(result.get(m.memberId)!, kept[i]!, floor, claimed));
  // 2. Members with more of their own tasks keep one more while balance allows.
  sorted.forEach((m, i) => {
    if (extraSlots > 0 && keep(result.get(m.memberId)!, kept[i]!, floor + 1, claimed)) extraSlots--;
  });
  // 3. The rest go to a member with a standby replica of the task (its state is warm) while
  //    that member has fewer than `floor` tasks, else to the least loaded member.
  for (const task of [...tasks].sort(compareTaskIds)) {
    if (claimed.has(task)) continue;
    let target = sorted[0]!.memberId;
    for (const m of sorted) if (result.get(m.memberId)!.length < result.get(target)!.length) target = m.memberId;
    const warm = sorted.find((m) => m.standbyTasks?.includes(task) === true && result.get(m.memberId)!.length < floor);
    if (warm !== undefined) target = warm.memberId;
    result.get(target)!.push(task);
    claimed.add(task);
  }
  for (const list of result.values()) list.sort(compareTaskIds);
  return result;
}

/**
 * Standby replicas (Java's `num.standby.replicas`): for each of `statefulTasks`, up to
 * `replicas` members other than its active owner keep a copy of its state. A member that
 * already has a task's standby keeps it; the others go to the member with the fewest tasks,
 * active and standby (then by `memberId`). Fewer members than replicas + 1 means fewer replicas.
 */
export function assignStandbys(
  statefulTasks: readonly string[],
  active: ReadonlyMap<string, readonly string[]>,
  members: readonly MemberTasks[],
  replicas: number,
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const sorted = [...members].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  for (const m of sorted) result.set(m.memberId, []);
  if (replicas <= 0) return result;
  const ownerOf = new Map<string, string>();
  for (const [memberId, tasks] of active) for (const t of tasks) ownerOf.set(t, memberId);
  for (const task of [...statefulTasks].sort(compareTaskIds)) {
    const candidates = sorted.filter((m) => m.memberId !== ownerOf.get(task));
    const chosen = candidates.filter((m) => m.standbyTasks?.includes(task) === true).slice(0, replicas);
    const load = (m: MemberTasks): number => result.get(m.memberId)!.length + (active.get(m.memberId)?.length ?? 0);
    const rest = candidates.filter((m) => !chosen.includes(m)).sort((a, b) => load(a) - load(b));
    for (const m of [...chosen, ...rest].slice(0, replicas)) result.get(m.memberId)!.push(task);
  }
  for (const list of result.values()) list.sort(compareTaskIds);
  return result;
}

/** Orders task ids by partition, then sub-topology. */
function comparePartitionFirst(a: string, b: string): number {
  const [sa, pa] = a.split('_').map(Number) as [number, number];
  const [sb, pb] = b.split('_').map(Number) as [number, number];
  return pa - pb || sa - sb;
}

/** Moves unclaimed tasks from `candidates` into `into` until it holds `limit`; true if any moved. */
function keep(into: string[], candidates: readonly string[], limit: number, claimed: Set<string>): boolean {
  let moved = false;
  for (const task of candidates) {
    if (into.length >= limit) break;
    if (claimed.has(task)) continue;
    into.push(task);
    claimed.add(task);
    moved = true;
  }
  return moved;
}
