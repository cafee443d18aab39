// Kafka: GlobalStateUpdateTask + GlobalStateManagerImpl (the stores of global tables, on every instance)
import { rmSync } from 'node:fs';
import { TaskId } from '../../processor/task-id.js';
import type { StateStore } from '../../state/state-store.js';
import type { Topology } from '../../topology/topology.js';
import type { ResolvedStreamsConfig } from '../streams-config.js';
import type { ConsumedBytes } from './consumed-record.js';
import type { RecordCollector } from './record-collector.js';
import { StreamTask } from './stream-task.js';

/** Global stores as stream tasks see them: every processor may read them without connecting. */
export interface GlobalStores {
  /** A global store by name, or null when there is none of that name. */
  globalStore(name: string): StateStore | null;
}

const NO_OUTPUT: RecordCollector = {
  send: () => {
    throw new Error('Global store processors cannot forward records.');
  },
  partitionsFor: () => 1,
  flush: () => null,
  offsetOf: () => undefined,
};

/**
 * The global stores of one application instance and the processors that update them, run
 * as one task over the topology's global groups (`addGlobalStore`, `globalTable`). Records
 * of the global topics are applied as they come, in offset order per partition. The topics
 * are the changelogs: `checkpoint()` stores, with the state, the offset of the last record
 * applied per partition, and the next start reads on from there (Java's global
 * `.checkpoint`). Without a usable checkpoint the state is rebuilt from the topics.
 */
export class GlobalStateTask implements GlobalStores {
  private task: StreamTask;
  readonly topics: readonly string[];

  private constructor(
    private readonly topology: Topology,
    private readonly config: ResolvedStreamsConfig,
    private readonly taskDir: string,
    private readonly nodeNames: readonly string[],
    private readonly wallClockMs: () => number,
  ) {
    this.topics = nodeNames.flatMap((n) => {
      const spec = topology.nodes.get(n)!;
      return spec.kind === 'source' ? (spec.topics ?? []) : [];
    });
    this.task = this.newTask();
  }

  private newTask(): StreamTask {
    return new StreamTask({
      taskId: new TaskId(0, 0),
      topology: this.topology,
      nodeNames: this.nodeNames,
      // Global records are applied as soon as they arrive: no waiting for other partitions.
      config: { ...this.config, maxTaskIdleMs: -1 },
      collector: NO_OUTPUT,
      taskDir: this.taskDir,
      dbBudget: { cacheSize: 4 << 20, writeBufferSize: 2 << 20, maxOpenFiles: 50 },
      cacheMaxBytes: 0,
      wallClockMs: this.wallClockMs,
    });
  }

  /** The global task of `topology`, or null when it has no global stores. Call `initialize()` next. */
  static create(topology: Topology, config: ResolvedStreamsConfig, taskDir: string, wallClockMs: () => number): GlobalStateTask | null {
    const nodeNames = topology.subtopologies().filter((s) => s.global).flatMap((s) => s.nodes);
    return nodeNames.length === 0 ? null : new GlobalStateTask(topology, config, taskDir, nodeNames, wallClockMs);
  }

  /** The store a global topic feeds (each `addGlobalStore` and `globalTable` reads one topic into one store). */
  storeOf(topic: string): string {
    for (const [name, spec] of this.topology.stores) {
      if (!spec.global) continue;
      for (const user of spec.users) {
        const processor = this.topology.nodes.get(user);
        const source = processor?.kind === 'processor' ? this.topology.nodes.get(processor.parents[0]!) : undefined;
        if (source?.kind === 'source' && source.topics?.includes(topic)) return name;
      }
    }
    return topic;
  }

  /** Opens the stores (LevelDB) and initialises the processors. */
  initialize(): Promise<void> {
    return this.task.initialize();
  }

  /**
   * Offset of the last record applied, by global `topic-partition`, from the last
   * checkpoint. Empty when any global store keeps its state in memory only: that store
   * starts empty, so every topic must be read again.
   */
  checkpointed(): ReadonlyMap<string, bigint> {
    if (this.task.storeNames().some((name) => !this.task.store(name).persistent())) return new Map();
    return this.task.checkpointOffsets();
  }

  /** Writes the stores' state with the offset of the last record applied per partition, in one batch. */
  async checkpoint(applied: ReadonlyMap<string, bigint>): Promise<void> {
    await this.flush();
    await this.task.checkpointRestored(applied);
  }

  /** Drops the local state (a checkpoint the topics no longer match) and opens empty stores. */
  async reset(): Promise<void> {
    await this.task.close(false);
    rmSync(this.taskDir, { recursive: true, force: true });
    this.task = this.newTask();
    await this.task.initialize();
  }

  /** Whether `topic` feeds a global store. */
  consumes(topic: string): boolean {
    return this.topics.includes(topic);
  }

  /**
   * Applies records of one partition of a global topic. Synchronous unless a processor
   * returns a Promise (custom `addGlobalStore` processors may).
   */
  update(topic: string, partition: number, records: readonly ConsumedBytes[]): void | Promise<void> {
    if (records.length === 0) return;
    this.task.addRecords(topic, partition, records);
    const processed = this.task.process(Number.MAX_SAFE_INTEGER);
    if (typeof processed !== 'number') return processed.then(() => undefined);
  }

  /** Flushes caches into the stores and lets the task database checkpoint when due; null when nothing to await. */
  flush(): Promise<void> | null {
    const prepared = this.task.prepareCommit();
    if (prepared) return prepared.then(() => this.task.postCommit(false) ?? undefined);
    return this.task.postCommit(false);
  }

  globalStore(name: string): StateStore | null {
    return this.task.storeNames().includes(name) ? this.task.store(name) : null;
  }

  storeNames(): string[] {
    return this.task.storeNames();
  }

  close(clean: boolean): Promise<void> {
    return this.task.close(clean);
  }
}
