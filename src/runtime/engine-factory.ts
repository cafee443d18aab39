// Wires the kafkajs engine (src/runtime/kafka/) for one KafkaStreams instance.
import type { ResolvedStreamsConfig } from './streams-config.js';
import type { TaskId } from '../processor/task-id.js';
import type {
  AssignmentChange,
  ConsumerBatch,
  EngineAdmin,
  EngineConsumer,
  EnginePartitionReader,
  EngineProducer,
  EngineTransactionalProducer,
} from './kafka/engine.js';
import { KAFKA_CLIENT_CONFIG_KEYS } from './kafka/kafka-client.js';
import { KafkajsEngine } from './kafka/kafkajs-engine.js';
import { taskTransactionalId } from './kafka/transactional-producer.js';

/** Config keys the kafkajs engine adds to the common ones (connection and group timing). */
export const ENGINE_CONFIG_KEYS: readonly string[] = [...KAFKA_CLIENT_CONFIG_KEYS, 'sessionTimeoutMs', 'heartbeatIntervalMs', 'rebalanceTimeoutMs'];

/** What the stream thread's consumer needs. */
export interface ThreadConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly (string | RegExp)[];
  /** Topics read from the latest offset when the group has no commit (the others from the earliest). */
  readonly latestTopics?: readonly string[];
  readonly sourceTopicsBySubtopology: ReadonlyMap<number, readonly string[]>;
  /** Source topics' partition counts from the start-up plan (a floor for the client's metadata). */
  readonly knownPartitions?: ReadonlyMap<string, number>;
  readonly ownedTasks: () => readonly string[];
  /** True when this member asks the whole group to shut down (sent at its next join). */
  readonly shutdownRequested?: () => boolean;
  /** Where this instance serves interactive queries (`'host:port'`), shared through the group. */
  readonly applicationServer?: string | null;
  /** Standby replicas per stateful task, which sub-topologies are stateful, and this instance's standbys. */
  readonly numStandbyReplicas?: number;
  readonly statefulSubtopologies?: ReadonlySet<number>;
  readonly standbyTasks?: () => readonly string[];
  readonly onBatch: (batch: ConsumerBatch) => void;
  readonly onAssignment: (change: AssignmentChange) => void;
  readonly onRebalancing: () => void;
  /** The consumer's run loop died and will not restart. */
  readonly onFatal: (error: unknown) => void;
}

/** The clients of one instance. */
export interface Engine {
  readonly admin: EngineAdmin;
  /** The shared producer (at-least-once). */
  readonly producer: EngineProducer;
  /** A task's transactional producer (exactly-once), `transactionalId = <applicationId>-<taskId>`. */
  newTaskProducer(taskId: TaskId): EngineTransactionalProducer;
  newReader(): EnginePartitionReader;
  newConsumer(options: ThreadConsumerOptions): EngineConsumer;
  close(): Promise<void>;
}

/** Connects the admin client (failing fast, with bounded retries, when the cluster is unreachable). */
export async function connectEngine(config: ResolvedStreamsConfig): Promise<Engine> {
  const engine = KafkajsEngine.fromConfig(config);
  const admin = engine.admin();
  await admin.listTopics();
  const producer = engine.producer();
  const raw = config.raw;
  return {
    admin,
    producer,
    newTaskProducer: (taskId) =>
      engine.transactionalProducer({ transactionalId: taskTransactionalId(config.applicationId, taskId), transactionTimeoutMs: 10_000 }),
    newReader: () => engine.partitionReader(),
    newConsumer: (o) =>
      engine.consumer({
        groupId: o.groupId,
        topics: o.topics,
        latestTopics: o.latestTopics,
        assignor: {
          sourceTopicsBySubtopology: o.sourceTopicsBySubtopology,
          knownPartitions: o.knownPartitions,
          ownedTasks: o.ownedTasks,
          shutdownRequested: o.shutdownRequested,
          applicationServer: o.applicationServer,
          numStandbyReplicas: o.numStandbyReplicas,
          statefulSubtopologies: o.statefulSubtopologies,
          standbyTasks: o.standbyTasks,
        },
        sessionTimeoutMs: raw.sessionTimeoutMs as number | undefined,
        heartbeatIntervalMs: raw.heartbeatIntervalMs as number | undefined,
        rebalanceTimeoutMs: raw.rebalanceTimeoutMs as number | undefined,
        onBatch: o.onBatch,
        onAssignment: o.onAssignment,
        onRebalancing: o.onRebalancing,
        // Retriable failures (a broker restart, a moved coordinator) rejoin the group; the
        // runtime re-seeks kept tasks at the next assignment. Anything else is fatal.
        restartOnFailure: (error) => (error as { retriable?: boolean }).retriable !== false,
        onCrash: (error, restarting) => {
          if (!restarting) o.onFatal(error);
        },
      }),
    async close() {
      await producer.close().catch(() => undefined);
      await admin.close().catch(() => undefined);
    },
  };
}
