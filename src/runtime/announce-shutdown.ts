import type { Engine } from './engine-factory.js';
import type { TopicPlan } from './topic-plan.js';

/** How long the announcing member waits for the group to answer. */
const ANSWER_TIMEOUT_MS = 15_000;

/**
 * SHUTDOWN_APPLICATION: joins the group once more with the shutdown flag in the
 * subscription (the caller's thread already stopped); the leader answers every member with
 * the shutdown error code, and each member shuts down. Resolves once the join was answered
 * (or after 15 s).
 */
export async function announceApplicationShutdown(engine: Engine, applicationId: string, plan: TopicPlan): Promise<void> {
  let joined!: () => void;
  const done = new Promise<void>((resolve) => (joined = resolve));
  const messenger = engine.newConsumer({
    groupId: applicationId,
    topics: [...new Set(plan.subtopologies.flatMap((s) => s.sourceTopics))],
    sourceTopicsBySubtopology: new Map(plan.subtopologies.map((s) => [s.id, s.sourceTopics])),
    ownedTasks: () => [],
    shutdownRequested: () => true,
    onBatch: () => undefined,
    onAssignment: () => joined(),
    onRebalancing: () => undefined,
    onFatal: () => joined(),
  });
  try {
    await messenger.start();
    await Promise.race([done, new Promise((r) => setTimeout(r, ANSWER_TIMEOUT_MS))]);
  } finally {
    await messenger.close().catch(() => undefined);
  }
}
