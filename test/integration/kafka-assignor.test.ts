import { afterAll, describe, expect, it } from 'vitest';
import type { AssignmentChange, ConsumerBatch, TopicPartition } from '../../src/runtime/kafka/engine.js';
import { KafkaAdmin } from '../../src/runtime/kafka/kafka-admin.js';
import { KafkaConsumer } from '../../src/runtime/kafka/kafka-consumer.js';
import { KafkaProducer } from '../../src/runtime/kafka/kafka-producer.js';
import { decodeAssignmentInfo, STREAMS_ASSIGNOR_NAME } from '../../src/runtime/kafka/streams-assignor.js';
import { tasksForPartitions } from '../../src/runtime/kafka/task-assignment.js';
import { EMPTY_HEADERS } from '../../src/processor/headers.js';
import { clientOptions, testKafka, uniqueName } from './kafka-test-support.js';

/** Polls `condition` every 50 ms until it holds (or fails after `ms`). */
async function eventually(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Member {
  readonly consumer: KafkaConsumer;
  readonly changes: AssignmentChange[];
  readonly batches: ConsumerBatch[];
  tasks(): string[];
}

describe('streams assignor with two consumers in one group', () => {
  const kafka = testKafka();
  const admin = new KafkaAdmin(kafka, clientOptions());
  const members: Member[] = [];

  afterAll(async () => {
    for (const m of members) await m.consumer.close().catch(() => undefined);
    await admin.close();
  });

  function member(groupId: string, sources: ReadonlyMap<number, readonly string[]>): Member {
    const changes: AssignmentChange[] = [];
    const batches: ConsumerBatch[] = [];
    const tasks = (): string[] => {
      const last = changes[changes.length - 1];
      const byTopic: Record<string, number[]> = {};
      for (const { topic, partition } of last?.assignment ?? []) (byTopic[topic] ??= []).push(partition);
      return tasksForPartitions(byTopic, sources);
    };
    const consumer = new KafkaConsumer(kafka, clientOptions(), {
      groupId,
      topics: [...sources.values()].flat(),
      assignor: { sourceTopicsBySubtopology: sources, ownedTasks: tasks },
      heartbeatIntervalMs: 300,
      sessionTimeoutMs: 10_000,
      onBatch: (b) => batches.push(b),
      onAssignment: (c) => changes.push(c),
    });
    const m = { consumer, changes, batches, tasks };
    members.push(m);
    return m;
  }

  it('splits tasks co-partitioned and balanced, and keeps the first member\'s tasks sticky', async () => {
    const [clicks, views, words] = [uniqueName('asg-clicks'), uniqueName('asg-views'), uniqueName('asg-words')];
    await admin.createTopics([
      { name: clicks, numPartitions: 4, replicationFactor: 1 },
      { name: views, numPartitions: 4, replicationFactor: 1 },
      { name: words, numPartitions: 2, replicationFactor: 1 },
    ]);
    const sources = new Map([
      [0, [clicks, views]],
      [1, [words]],
    ]);
    const groupId = uniqueName('asg-group');

    const first = member(groupId, sources);
    await first.consumer.start();
    await eventually(() => first.tasks().length === 6);
    expect(first.changes[0]!.isLeader).toBe(true);
    expect(first.changes[0]!.assigned).toHaveLength(10);

    const second = member(groupId, sources);
    await second.consumer.start();
    await eventually(() => first.tasks().length === 3 && second.tasks().length === 3);

    const all = [...first.tasks(), ...second.tasks()].sort();
    expect(all).toEqual(['0_0', '0_1', '0_2', '0_3', '1_0', '1_1']);
    for (const m of [first, second]) {
      const assignment = m.consumer.assignment;
      const of = (topic: string): number[] => assignment.filter((tp: TopicPartition) => tp.topic === topic).map((tp) => tp.partition);
      expect(of(clicks)).toEqual(of(views)); // co-partitioned: partition p of both topics together
      expect(of(clicks).length + of(words).length).toBe(3);
    }
    const lastChange = first.changes[first.changes.length - 1]!;
    expect(lastChange.assigned).toEqual([]); // sticky: the first member only lost tasks
    expect(lastChange.revoked.length + lastChange.assignment.length).toBe(10);

    // The coordinator shows the assignor's protocol and each member's tasks in the userData.
    const group = await admin.describeGroup(groupId);
    expect(group.state).toBe('Stable');
    expect(group.protocol).toBe(STREAMS_ASSIGNOR_NAME);
    const described = group.members.map((m) => decodeAssignmentInfo(m.assignmentUserData)!.tasks).flat().sort();
    expect(described).toEqual(all);

    // Records reach the member that owns the partition's task.
    const producer = new KafkaProducer(kafka, clientOptions());
    for (let p = 0; p < 4; p++) producer.send({ topic: clicks, partition: p, key: null, value: Buffer.from(`c${p}`), headers: EMPTY_HEADERS, timestamp: 1 });
    await producer.flush();
    await producer.close();
    await eventually(() => [first, second].reduce((n, m) => n + m.batches.flatMap((b) => b.records).length, 0) === 4);
    for (const m of [first, second]) {
      const owned = new Set(m.tasks());
      for (const b of m.batches) if (b.records.length > 0) expect(owned.has(`0_${b.partition}`)).toBe(true);
    }

    // When the second member leaves, the first takes its tasks back without losing its own.
    const kept = first.tasks();
    await second.consumer.close();
    await eventually(() => first.tasks().length === 6);
    const back = first.changes[first.changes.length - 1]!;
    expect(back.revoked).toEqual([]);
    expect(first.tasks().filter((t) => kept.includes(t))).toEqual(kept);
  });
});
