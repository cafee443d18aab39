// The consumer-group assignor of a kstreams application, as a kafkajs PartitionAssigner.
// Members report the tasks they own in their subscription userData; the leader turns
// partitions into tasks (`subtopology_partition`, co-partitioned), spreads them with
// `assignTasks` (sticky, balanced) and hands each member the partitions of its tasks.
// kafkajs drops the assignment's userData on the receiving side (KAFKAJS-NOTES.md §2), so
// members derive their tasks from the partitions (`tasksForPartitions`); the userData is
// still written, for `describeGroup()` read-backs (e.g. a group-wide shutdown verdict).
import { AssignerProtocol, type Assigner, type PartitionAssigner } from 'kafkajs';
import { assignStandbys, assignTasks, computeTasks, type MemberTasks } from './task-assignment.js';

/** Name of the group protocol; members of other protocols cannot join the same group. */
export const STREAMS_ASSIGNOR_NAME = 'kstreams';
const VERSION = 1;

/** Assignment error codes (Java's `AssignorError`). */
export const ASSIGNMENT_OK = 0;
export const ASSIGNMENT_SHUTDOWN_REQUESTED = 2;

/** What the runtime tells the assignor. */
export interface StreamsAssignorOptions {
  /** Source topics of each sub-topology (a function when pattern subscriptions change them). */
  readonly sourceTopicsBySubtopology: ReadonlyMap<number, readonly string[]> | (() => ReadonlyMap<number, readonly string[]>);
  /** Tasks this member owns now; read at every join, so the next assignment can keep them here. */
  readonly ownedTasks: () => readonly string[];
  /** True when this member asks the whole group to shut down (sent at the next join). */
  readonly shutdownRequested?: () => boolean;
  /**
   * Partition counts known from the start-up plan (checked with the admin client, internal
   * topics created with them): a floor for the client's metadata, which may lack a topic or
   * partitions right after they were created.
   */
  readonly knownPartitions?: ReadonlyMap<string, number>;
  /** Where this member serves interactive queries (`applicationServer`, `'host:port'`), if set. */
  readonly applicationServer?: string | null;
  /** Standby replicas per stateful task (`numStandbyReplicas`, 0 by default). */
  readonly numStandbyReplicas?: number;
  /** Sub-topologies whose tasks have state to replicate (a store with a changelog). */
  readonly statefulSubtopologies?: ReadonlySet<number>;
  /** Tasks this member keeps standby replicas of now; read at every join (stickiness). */
  readonly standbyTasks?: () => readonly string[];
}

/** This member's subscription userData. */
export interface SubscriptionInfo {
  readonly version: number;
  readonly ownedTasks: readonly string[];
  readonly shutdownRequested: boolean;
  /** The member's `applicationServer` (Java's user endpoint), or null. */
  readonly applicationServer: string | null;
  readonly standbyTasks: readonly string[];
}

/** The leader's per-member assignment userData. */
export interface AssignmentInfo {
  readonly version: number;
  readonly tasks: readonly string[];
  readonly errorCode: number;
  /** The tasks of every member that has an `applicationServer`, by endpoint (Java's `partitionsByHost`). */
  readonly hosts?: Readonly<{ [endpoint: string]: readonly string[] }>;
  /** The tasks this member keeps standby replicas of. */
  readonly standbyTasks?: readonly string[];
  /** Standby tasks by endpoint, as `hosts` (Java's `standbyPartitionByHost`). */
  readonly standbyHosts?: Readonly<{ [endpoint: string]: readonly string[] }>;
}

/** Decodes subscription userData; a foreign or broken payload counts as "owns nothing". */
export function decodeSubscriptionInfo(userData: Buffer | null | undefined): SubscriptionInfo {
  const empty = { version: VERSION, ownedTasks: [], shutdownRequested: false, applicationServer: null, standbyTasks: [] };
  if (!userData || userData.length === 0) return empty;
  try {
    const parsed = JSON.parse(userData.toString('utf8')) as Partial<SubscriptionInfo>;
    const taskIds = (list: unknown): string[] => (Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string' && /^\d+_\d+$/.test(t)) : []);
    const server = typeof parsed.applicationServer === 'string' ? parsed.applicationServer : null;
    return {
      version: Number(parsed.version) || VERSION,
      ownedTasks: taskIds(parsed.ownedTasks),
      shutdownRequested: parsed.shutdownRequested === true,
      applicationServer: server,
      standbyTasks: taskIds(parsed.standbyTasks),
    };
  } catch {
    return empty;
  }
}

/** Decodes assignment userData (e.g. from `describeGroup()`), or null. */
export function decodeAssignmentInfo(userData: Buffer | null | undefined): AssignmentInfo | null {
  if (!userData || userData.length === 0) return null;
  try {
    return JSON.parse(userData.toString('utf8')) as AssignmentInfo;
  } catch {
    return null;
  }
}

/**
 * A kafkajs `PartitionAssigner` for `kafka.consumer({ partitionAssigners: [...] })`.
 * `protocol()` runs at every JoinGroup and must stay synchronous; `assign()` runs on the
 * leader only, right after kafkajs refreshed its metadata.
 */
export function createStreamsAssignor(options: StreamsAssignorOptions): PartitionAssigner {
  const sources = (): ReadonlyMap<number, readonly string[]> =>
    typeof options.sourceTopicsBySubtopology === 'function' ? options.sourceTopicsBySubtopology() : options.sourceTopicsBySubtopology;
  return ({ cluster }): Assigner => ({
    name: STREAMS_ASSIGNOR_NAME,
    version: VERSION,
    protocol({ topics }) {
      const info: SubscriptionInfo = {
        version: VERSION,
        ownedTasks: [...options.ownedTasks()],
        shutdownRequested: options.shutdownRequested?.() ?? false,
        applicationServer: options.applicationServer ?? null,
        standbyTasks: [...(options.standbyTasks?.() ?? [])],
      };
      const userData = Buffer.from(JSON.stringify(info));
      return { name: STREAMS_ASSIGNOR_NAME, metadata: AssignerProtocol.MemberMetadata.encode({ version: VERSION, topics, userData }) };
    },
    assign({ members }) {
      const infos = members.map((m) => ({ memberId: m.memberId, info: decodeMetadata(m.memberMetadata) }));
      const tasks = computeTasks(sources(), (topic) => Math.max(metadataPartitions(cluster, topic), options.knownPartitions?.get(topic) ?? 0));
      const memberTasks = infos.map(({ memberId, info }): MemberTasks => ({ memberId, ownedTasks: info.ownedTasks, standbyTasks: info.standbyTasks }));
      const byMember = assignTasks([...tasks.keys()], memberTasks);
      const stateful = [...tasks.keys()].filter((t) => options.statefulSubtopologies?.has(Number(t.split('_')[0])) === true);
      const standbys = assignStandbys(stateful, byMember, memberTasks, options.numStandbyReplicas ?? 0);
      const errorCode = infos.some(({ info }) => info.shutdownRequested) ? ASSIGNMENT_SHUTDOWN_REQUESTED : ASSIGNMENT_OK;
      const hosts: { [endpoint: string]: string[] } = {};
      const standbyHosts: { [endpoint: string]: string[] } = {};
      for (const { memberId, info } of infos) {
        if (info.applicationServer === null) continue;
        (hosts[info.applicationServer] ??= []).push(...(byMember.get(memberId) ?? []));
        (standbyHosts[info.applicationServer] ??= []).push(...(standbys.get(memberId) ?? []));
      }
      // Every member is listed: an omitted one would get an empty assignment without userData.
      return Promise.resolve(
        members.map(({ memberId }) => {
          const memberTasks = byMember.get(memberId) ?? [];
          const assignment: Record<string, number[]> = {};
          for (const task of memberTasks) {
            for (const { topic, partition } of tasks.get(task)!) (assignment[topic] ??= []).push(partition);
          }
          const info: AssignmentInfo = { version: VERSION, tasks: memberTasks, errorCode, hosts, standbyTasks: standbys.get(memberId) ?? [], standbyHosts };
          const userData = Buffer.from(JSON.stringify(info));
          return { memberId, memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: VERSION, assignment, userData }) };
        }),
      );
    },
  });
}

/**
 * Partitions of `topic` in the client's metadata (0 when the topic is missing). kafkajs
 * returns an empty list for a topic its last refresh did not include, which alone would
 * silently leave that topic's partitions out of every task.
 */
function metadataPartitions(cluster: { findTopicPartitionMetadata(topic: string): readonly unknown[] }, topic: string): number {
  try {
    return cluster.findTopicPartitionMetadata(topic).length;
  } catch {
    return 0;
  }
}

function decodeMetadata(metadata: Buffer): SubscriptionInfo {
  try {
    return decodeSubscriptionInfo(AssignerProtocol.MemberMetadata.decode(metadata)?.userData);
  } catch {
    return decodeSubscriptionInfo(null);
  }
}
