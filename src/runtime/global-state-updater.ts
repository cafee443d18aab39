// Kafka: GlobalStreamThread + GlobalStateManagerImpl.restoreState (bootstrap, then follow the global topics)
import { join } from 'node:path';
import type { StateStore } from '../state/state-store.js';
import type { Topology } from '../topology/topology.js';
import type { ResolvedStreamsConfig } from './streams-config.js';
import type { StreamsEvent } from './streams-event.js';
import { GlobalStateTask, type GlobalStores } from './task/global-state-task.js';
import { topicPartitionKey } from './task/consumed-record.js';
import { EARLIEST_OFFSET, type EngineAdmin, type EnginePartitionReader, type ReaderFetch } from './kafka/engine.js';

/** What the updater needs from the client around it. */
export interface GlobalStateUpdaterDeps {
  readonly topology: Topology;
  readonly config: ResolvedStreamsConfig;
  readonly admin: EngineAdmin;
  readonly newReader: () => EnginePartitionReader;
  readonly emit: (event: StreamsEvent) => void;
  /** The follow loop failed; global stores stop being updated. */
  readonly onFatal: (error: unknown) => void;
}

/** Records applied between flushes while bootstrapping (bounds the dirty state). */
const FLUSH_EVERY = 20_000;

/**
 * Keeps this instance's global stores: `start()` reads every partition of the global
 * topics from the beginning to their read-committed end with a `PartitionReader` (outside
 * the consumer group) before any task runs, then a loop keeps following the topics and
 * applies new records as they come. Stores are flushed every commit interval.
 */
export class GlobalStateUpdater implements GlobalStores {
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private reader: EnginePartitionReader | null = null;

  private constructor(
    private readonly deps: GlobalStateUpdaterDeps,
    private readonly task: GlobalStateTask,
  ) {}

  /** The updater of `topology`'s global stores, or null when it has none. */
  static create(deps: GlobalStateUpdaterDeps): GlobalStateUpdater | null {
    const { topology, config } = deps;
    const task = GlobalStateTask.create(topology, config, join(config.stateDir, config.applicationId, 'global'), Date.now);
    return task === null ? null : new GlobalStateUpdater(deps, task);
  }

  /** Opens the stores, reads the global topics to their end, then starts following them. */
  async start(): Promise<void> {
    const { admin, emit } = this.deps;
    const started = Date.now();
    await this.task.initialize();
    const topics = this.task.topics;
    const counts = await admin.partitionCounts(topics);
    const ends = await admin.endOffsets(topics);
    const offsets = new Map<string, bigint>();
    for (const topic of topics) for (let p = 0; p < counts.get(topic)!; p++) offsets.set(topicPartitionKey(topic, p), EARLIEST_OFFSET);
    emit({ type: 'restore-start', taskId: 'global', stores: this.task.storeNames() });
    const reader = (this.reader = this.deps.newReader());
    await reader.assign(offsets);
    const pending = new Set([...offsets.keys()].filter((key) => (ends.get(key) ?? 0n) > 0n));
    let restored = 0;
    let sinceFlush = 0;
    while (pending.size > 0) {
      const fetched = await reader.fetch(500);
      const applied = await this.apply(fetched);
      restored += applied;
      sinceFlush += applied;
      if (sinceFlush >= FLUSH_EVERY) {
        await this.task.flush();
        sinceFlush = 0;
      }
      for (const key of pending) if ((fetched.positions.get(key) ?? -1n) >= ends.get(key)!) pending.delete(key);
    }
    await this.task.flush();
    emit({ type: 'restore-end', taskId: 'global', restored, ms: Date.now() - started });
    this.running = true;
    this.loop = this.follow(reader).catch((error: unknown) => {
      this.running = false;
      this.deps.onFatal(error);
    });
  }

  private async apply(fetched: ReaderFetch): Promise<number> {
    let n = 0;
    for (const records of fetched.records.values()) {
      if (records.length === 0) continue;
      await this.task.update(records[0]!.topic, records[0]!.partition, records);
      n += records.length;
    }
    return n;
  }

  private async follow(reader: EnginePartitionReader): Promise<void> {
    let lastFlush = Date.now();
    while (this.running) {
      const fetched = await reader.fetch(200);
      if (!this.running) return;
      await this.apply(fetched);
      if (Date.now() - lastFlush >= this.deps.config.commitIntervalMs) {
        await this.task.flush();
        lastFlush = Date.now();
      }
    }
  }

  globalStore(name: string): StateStore | null {
    return this.task.globalStore(name);
  }

  /** Stops following; a clean stop flushes the stores before closing them. */
  async stop(clean: boolean): Promise<void> {
    this.running = false;
    await this.loop;
    await this.reader?.close().catch(() => undefined);
    await this.task.close(clean);
  }
}
