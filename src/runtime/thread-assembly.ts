// Kafka: StreamThread.create (the consumer, task manager and thread of one client)
import type { Topology } from '../topology/topology.js';
import type { Engine } from './engine-factory.js';
import type { EngineConsumer } from './kafka/engine.js';
import { KafkaRecordCollector } from './kafka-record-collector.js';
import type { StandbyTasks } from './standby-tasks.js';
import type { StateRestoreListener } from './state-restore-listener.js';
import type { StreamsEvent } from './streams-event.js';
import type { ResolvedStreamsConfig } from './streams-config.js';
import { StreamThread } from './stream-thread.js';
import type { GlobalStores } from './task/global-state-task.js';
import type { TaskMetrics } from './task/task-metrics.js';
import { TaskManager } from './task-manager.js';
import { offsetResetOf } from './offset-reset-of.js';
import type { TopicPlan } from './topic-plan.js';

/** What a stream thread needs from its client. */
export interface ThreadHooks {
  readonly topology: Topology;
  readonly config: ResolvedStreamsConfig;
  readonly globalStores: GlobalStores | null;
  /** Where closed tasks' counters go (the client's, across thread restarts). */
  readonly retired: TaskMetrics;
  /** This instance's `applicationServer` (`'host:port'`), or null. */
  readonly applicationServer: string | null;
  readonly standbys: () => StandbyTasks | null;
  readonly emit: (event: StreamsEvent) => void;
  readonly onFatal: (error: unknown) => void;
  /** All assigned tasks run (true), or the group is rebalancing or tasks restore (false). */
  readonly onRunning: (running: boolean) => void;
  readonly onJoined: (memberId: string) => void;
  /** Whether `KafkaStreams.pause()` is in effect. */
  readonly paused: () => boolean;
  /** The listener set with `setGlobalStateRestoreListener`, or null. */
  readonly restoreListener: () => StateRestoreListener | null;
}

/**
 * The task manager, stream thread and group consumer of one client on `plan`, wired to
 * each other (not started: the caller starts the thread with the consumer, then the consumer).
 */
export async function assembleThread(engine: Engine, plan: TopicPlan, hooks: ThreadHooks): Promise<{ tasks: TaskManager; thread: StreamThread; consumer: EngineConsumer }> {
  const { topology, config } = hooks;
  const eos = config.processingGuarantee === 'exactly_once_v2';
  const collector = eos ? null : new KafkaRecordCollector(engine.producer);
  const sinkTopics = [...topology.nodes.values()].flatMap((n) => (n.kind === 'sink' && n.topic ? [n.topic] : []));
  const outputTopics = [
    ...new Set([...sinkTopics.map((t) => (topology.internalTopics.has(t) ? `${config.applicationId}-${t}` : t)), ...plan.internalTopics.map((t) => t.name)]),
  ];
  if (!eos) await engine.producer.loadTopics(outputTopics);
  const tasks = new TaskManager({
    topology,
    config,
    plan,
    collector,
    newTaskProducer: (taskId) => engine.newTaskProducer(taskId),
    outputTopics,
    admin: engine.admin,
    newReader: () => engine.newReader(),
    globalStores: hooks.globalStores,
    emit: hooks.emit,
    retired: hooks.retired,
    restoreListener: hooks.restoreListener,
    paused: hooks.paused,
    // A standby of a task that becomes active here gives up the task's folder first.
    beforeOpen: (id) => hooks.standbys()?.release(id) ?? Promise.resolve(),
    budget: { cacheBytesPerTask: Math.floor(config.cacheMaxBytes / Math.max(1, plan.subtopologies.reduce((n, s) => n + s.numTasks, 0))) },
  });
  const thread = new StreamThread({
    config,
    tasks,
    collector,
    admin: engine.admin,
    repartitionTopics: new Set(plan.internalTopics.filter((t) => t.kind === 'repartition').map((t) => t.name)),
    emit: hooks.emit,
    onFatal: hooks.onFatal,
    onRunning: hooks.onRunning,
    onJoined: hooks.onJoined,
    paused: hooks.paused,
  });
  const sourceTopics = [...new Set(plan.subtopologies.flatMap((s) => s.sourceTopics))];
  // Sources with `AutoOffsetReset.latest()` start at the end without a commit; `none` and
  // `byDuration` are applied when their tasks open (TaskManager).
  const latest = new Set(sourceTopics.filter((t) => offsetResetOf(topology, t)?.type === 'latest'));
  const consumer = engine.newConsumer({
    groupId: config.applicationId,
    topics: sourceTopics.filter((t) => !latest.has(t)),
    latestTopics: [...latest],
    sourceTopicsBySubtopology: new Map(plan.subtopologies.map((s) => [s.id, s.sourceTopics])),
    knownPartitions: plan.partitionCounts,
    ownedTasks: () => [...tasks.tasks.keys()],
    applicationServer: hooks.applicationServer,
    numStandbyReplicas: config.numStandbyReplicas,
    statefulSubtopologies: new Set(plan.subtopologies.filter((s) => s.changelogs.size > 0).map((s) => s.id)),
    standbyTasks: () => hooks.standbys()?.ids() ?? [],
    onBatch: (b) => thread.onBatch(b),
    onAssignment: (c) => thread.onAssignment(c),
    onRebalancing: () => hooks.onRunning(false),
    onFatal: hooks.onFatal,
  });
  return { tasks, thread, consumer };
}
