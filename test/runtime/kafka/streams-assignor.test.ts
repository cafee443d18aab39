import { AssignerProtocol, type Cluster, type Logger } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import {
  ASSIGNMENT_OK,
  ASSIGNMENT_SHUTDOWN_REQUESTED,
  createStreamsAssignor,
  decodeAssignmentInfo,
  decodeSubscriptionInfo,
  STREAMS_ASSIGNOR_NAME,
} from '../../../src/runtime/kafka/streams-assignor.js';
import { tasksForPartitions } from '../../../src/runtime/kafka/task-assignment.js';

const counts: Record<string, number> = { clicks: 4, views: 4, words: 2 };
const fakeCluster = {
  findTopicPartitionMetadata: (topic: string) =>
    Array.from({ length: counts[topic] ?? 0 }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0 })),
} as unknown as Cluster;
const sources = new Map([
  [0, ['clicks', 'views']],
  [1, ['words']],
]);

function member(memberId: string, owned: string[], shutdown = false, applicationServer: string | null = null) {
  const assigner = createStreamsAssignor({ sourceTopicsBySubtopology: sources, ownedTasks: () => owned, shutdownRequested: () => shutdown, applicationServer })({
    cluster: fakeCluster,
    groupId: 'g',
    logger: {} as Logger,
  });
  const { name, metadata } = assigner.protocol({ topics: ['clicks', 'views', 'words'] });
  return { assigner, name, member: { memberId, memberMetadata: metadata } };
}

describe('streams assignor (kafkajs PartitionAssigner)', () => {
  it('reports owned tasks in the subscription userData', () => {
    const { name, member: m } = member('a', ['0_1', '1_0']);
    expect(name).toBe(STREAMS_ASSIGNOR_NAME);
    const decoded = AssignerProtocol.MemberMetadata.decode(m.memberMetadata)!;
    expect(decoded.topics).toEqual(['clicks', 'views', 'words']);
    expect(decodeSubscriptionInfo(decoded.userData)).toEqual({ version: 1, ownedTasks: ['0_1', '1_0'], shutdownRequested: false, applicationServer: null, standbyTasks: [] });
  });

  it('assigns co-partitioned partitions per task, sticky and balanced, to every member', async () => {
    const a = member('a', ['0_0', '0_1', '0_2', '0_3', '1_0', '1_1']);
    const b = member('b', []);
    const result = await a.assigner.assign({ members: [a.member, b.member], topics: ['clicks', 'views', 'words'] });
    expect(result.map((r) => r.memberId)).toEqual(['a', 'b']);
    const decoded = new Map(result.map((r) => [r.memberId, AssignerProtocol.MemberAssignment.decode(r.memberAssignment)!]));
    for (const [, d] of decoded) {
      expect(d.assignment.clicks ?? []).toEqual(d.assignment.views ?? []); // co-partitioning
      const info = decodeAssignmentInfo(d.userData)!;
      expect(info.errorCode).toBe(ASSIGNMENT_OK);
      expect(tasksForPartitions(d.assignment, sources)).toEqual(info.tasks);
      expect(info.tasks).toHaveLength(3);
    }
    // a keeps three of the tasks it owned; b gets the other three.
    expect(decodeAssignmentInfo(decoded.get('a')!.userData)!.tasks).toEqual(['0_0', '0_1', '1_0']);
    expect(decodeAssignmentInfo(decoded.get('b')!.userData)!.tasks).toEqual(['0_2', '0_3', '1_1']);
  });

  it("lists every member's tasks by its applicationServer in every assignment (members without one are left out)", async () => {
    const a = member('a', ['0_0', '0_1', '0_2', '0_3', '1_0', '1_1'], false, 'host-a:7001');
    const b = member('b', [], false, 'host-b:7002');
    const c = member('c', []);
    expect(decodeSubscriptionInfo(AssignerProtocol.MemberMetadata.decode(a.member.memberMetadata)!.userData).applicationServer).toBe('host-a:7001');
    const result = await a.assigner.assign({ members: [a.member, b.member, c.member], topics: ['clicks', 'views', 'words'] });
    const infos = new Map(result.map((r) => [r.memberId, decodeAssignmentInfo(AssignerProtocol.MemberAssignment.decode(r.memberAssignment)!.userData)!]));
    for (const info of infos.values()) {
      expect(info.hosts).toEqual({ 'host-a:7001': infos.get('a')!.tasks, 'host-b:7002': infos.get('b')!.tasks });
    }
    expect(infos.get('c')!.tasks.length).toBeGreaterThan(0);
  });

  it('puts a shutdown request of any member into every assignment', async () => {
    const a = member('a', []);
    const b = member('b', [], true);
    const result = await a.assigner.assign({ members: [a.member, b.member], topics: [] });
    for (const r of result) {
      expect(decodeAssignmentInfo(AssignerProtocol.MemberAssignment.decode(r.memberAssignment)!.userData)!.errorCode).toBe(
        ASSIGNMENT_SHUTDOWN_REQUESTED,
      );
    }
  });

  it('treats foreign or broken userData as owning nothing', async () => {
    expect(decodeSubscriptionInfo(Buffer.from('not json')).ownedTasks).toEqual([]);
    expect(decodeSubscriptionInfo(Buffer.from('{"ownedTasks":["x", "0_1", 3]}')).ownedTasks).toEqual(['0_1']);
    const a = member('a', []);
    const foreign = { memberId: 'z', memberMetadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics: ['clicks'], userData: Buffer.alloc(0) }) };
    const result = await a.assigner.assign({ members: [a.member, foreign], topics: [] });
    expect(result).toHaveLength(2);
  });

  it("assigns every partition the start-up plan knows, also when the client's metadata lacks a topic", async () => {
    // The client's metadata has no 'views' yet (a topic created just before the join).
    const stale = {
      findTopicPartitionMetadata: (topic: string) => (topic === 'views' ? [] : fakeCluster.findTopicPartitionMetadata(topic)),
    } as unknown as Cluster;
    const knownPartitions = new Map([['clicks', 4], ['views', 4], ['words', 2]]);
    const assign = (known?: ReadonlyMap<string, number>) =>
      createStreamsAssignor({ sourceTopicsBySubtopology: sources, ownedTasks: () => [], knownPartitions: known })({ cluster: stale, groupId: 'g', logger: {} as Logger });
    const viewsAssigned = async (known?: ReadonlyMap<string, number>): Promise<number[]> => {
      const assigner = assign(known);
      const { metadata } = assigner.protocol({ topics: ['clicks', 'views', 'words'] });
      const [result] = await assigner.assign({ members: [{ memberId: 'a', memberMetadata: metadata }], topics: ['clicks', 'views', 'words'] });
      return AssignerProtocol.MemberAssignment.decode(result!.memberAssignment)!.assignment.views ?? [];
    };
    expect(await viewsAssigned()).toEqual([]); // metadata alone would drop the topic silently
    expect(await viewsAssigned(knownPartitions)).toEqual([0, 1, 2, 3]);
  });
});
