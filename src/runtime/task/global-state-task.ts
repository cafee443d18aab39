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
 * of the global topics are applied as they come, in offset order per partition. The state
 * is rebuilt from the topics at every start (its folder is wiped): the topics are the
 * changelogs, and global tables are meant to be small.
 */
export class GlobalStateTask implements GlobalStores {
  private readonly task: StreamTask;
  readonly topics: readonly string[];

  private constructor(topology: Topology, config: ResolvedStreamsConfig, taskDir: string, nodeNames: readonly string[], wallClockMs: () => number) {
    rmSync(taskDir, { recursive: true, force: true });
    this.topics = nodeNames.flatMap((n) => {
      const spec = topology.nodes.get(n)!;
      return spec.kind === 'source' ? (spec.topics ?? []) : [];
    });
    this.task = new StreamTask({
      taskId: new TaskId(0, 0),
      topology,
      nodeNames,
      // Global records are applied as soon as they arrive: no waiting for other partitions.
      config: { ...config, maxTaskIdleMs: -1 },
      collector: NO_OUTPUT,
      taskDir,
      dbBudget: { cacheSize: 4 << 20, writeBufferSize: 2 << 20, maxOpenFiles: 50 },
      cacheMaxBytes: 0,
      wallClockMs,
    });
  }

  /** The global task of `topology`, or null when it has no global stores. Call `initialize()` next. */
  static create(topology: Topology, config: ResolvedStreamsConfig, taskDir: string, wallClockMs: () => number): GlobalStateTask | null {
    const nodeNames = topology.subtopologies().filter((s) => s.global).flatMap((s) => s.nodes);
    return nodeNames.length === 0 ? null : new GlobalStateTask(topology, config, taskDir, nodeNames, wallClockMs);
  }

  /** Opens the stores (LevelDB) and initialises the processors. */
  initialize(): Promise<void> {
    return this.task.initialize();
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
