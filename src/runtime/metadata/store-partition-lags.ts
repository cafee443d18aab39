// Kafka: KafkaStreams#allLocalStorePartitionLags
import type { EngineAdmin } from '../kafka/engine.js';
import { topicPartitionKey } from '../task/consumed-record.js';
import type { StreamTask } from '../task/stream-task.js';
import type { TopicPlan } from '../topic-plan.js';
import { LagInfo } from './lag-info.js';

/** A task of this process with local stores: `running` for an active task processing now. */
export interface LocalTask {
  readonly task: StreamTask;
  readonly running: boolean;
  /** Where a standby's reader stands per changelog partition (past trailing transaction markers). */
  readonly positions?: ReadonlyMap<string, bigint>;
}

/**
 * The lag of every logged store partition of `tasks` behind its changelog, by store name and
 * partition. A running active task writes its changelog, so its lag is 0 (as in Java); a
 * restoring task or a standby is as far as its last checkpoint.
 */
export async function storePartitionLags(tasks: readonly LocalTask[], plan: TopicPlan, admin: EngineAdmin): Promise<Map<string, Map<number, LagInfo>>> {
  const copies: { store: string; topic: string; partition: number; running: boolean; position: bigint }[] = [];
  for (const { task, running, positions } of tasks) {
    const sub = plan.subtopologies.find((s) => s.id === task.taskId.subtopology);
    const checkpointed = task.checkpointOffsets();
    const partition = task.taskId.partition;
    for (const [store, topic] of sub?.changelogs ?? []) {
      const key = topicPartitionKey(topic, partition);
      const last = checkpointed.get(key);
      const applied = last === undefined ? 0n : last + 1n;
      const read = positions?.get(key);
      copies.push({ store, topic, partition, running, position: read !== undefined && read > applied ? read : applied });
    }
  }
  const out = new Map<string, Map<number, LagInfo>>();
  if (copies.length === 0) return out;
  const ends = await admin.endOffsets([...new Set(copies.map((c) => c.topic))]);
  for (const c of copies) {
    const end = ends.get(topicPartitionKey(c.topic, c.partition)) ?? 0n;
    const position = c.running || c.position > end ? end : c.position;
    let byPartition = out.get(c.store);
    if (byPartition === undefined) out.set(c.store, (byPartition = new Map()));
    byPartition.set(c.partition, new LagInfo(position, end));
  }
  return out;
}
