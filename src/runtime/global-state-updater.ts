// Kafka: GlobalStreamThread + GlobalStateManagerImpl.restoreState (bootstrap, then follow the global topics)
import { join } from 'node:path';
import type { StateStore } from '../state/state-store.js';
import type { Topology } from '../topology/topology.js';
import type { ResolvedStreamsConfig } from './streams-config.js';
import type { StreamsEvent } from './streams-event.js';
import { GlobalStateTask, type GlobalStores } from './task/global-state-task.js';
import { topicPartitionKey } from './task/consumed-record.js';
import { parseTopicPartitionKey } from './kafka/topic-partitions.js';
import { EARLIEST_OFFSET, type EngineAdmin, type EnginePartitionReader, type ReaderFetch } from './kafka/engine.js';
import type { StateRestoreListener } from './state-restore-listener.js';

/** What the updater needs from the client around it. */
export interface GlobalStateUpdaterDeps {
  readonly topology: Topology;
  readonly config: ResolvedStreamsConfig;
  readonly admin: EngineAdmin;
  readonly newReader: () => EnginePartitionReader;
  readonly emit: (event: StreamsEvent) => void;
  /** The follow loop failed; global stores stop being updated. */
  readonly onFatal: (error: unknown) => void;
  /** Told of the bootstrap per partition, as Java's global restore listener. */
  readonly restoreListener?: StateRestoreListener | null;
}

/** Records applied between checkpoints while bootstrapping (bounds the dirty state). */
const CHECKPOINT_EVERY = 20_000;

/**
 * Keeps this instance's global stores: `start()` reads every partition of the global
 * topics to their read-committed end with a `PartitionReader` (outside the consumer group)
 * before any task runs, then a loop keeps following the topics and applies new records as
 * they come. The stores are checkpointed with the offsets applied (every commit interval
 * with new records, and at a clean stop), and the next start reads on from there. Without
 * a checkpoint covering every partition, or with one the topics no longer hold (deleted or
 * recreated), the local state is dropped and rebuilt from the beginning, as Java does.
 */
export class GlobalStateUpdater implements GlobalStores {
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private reader: EnginePartitionReader | null = null;
  /** Every partition of the global topics (`topic-partition`), once started. */
  private keys: readonly string[] = [];

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
    const [starts, ends] = await Promise.all([admin.beginningOffsets(topics), admin.endOffsets(topics)]);
    const keys = topics.flatMap((topic) => Array.from({ length: counts.get(topic)! }, (_, p) => topicPartitionKey(topic, p)));
    const offsets = await this.startOffsets(keys, starts, ends);
    emit({ type: 'restore-start', taskId: 'global', stores: this.task.storeNames() });
    const reader = (this.reader = this.deps.newReader());
    await reader.assign(offsets);
    const pending = new Set(keys.filter((key) => (ends.get(key) ?? 0n) > 0n && offsets.get(key)! < ends.get(key)!));
    const perKey = new Map(keys.map((key) => [key, 0]));
    const listener = this.deps.restoreListener ?? null;
    for (const key of keys) {
      const start = offsets.get(key)!;
      listener?.onRestoreStart(parseTopicPartitionKey(key), this.storeOf(key), start === EARLIEST_OFFSET ? (starts.get(key) ?? 0n) : start, ends.get(key) ?? 0n);
      if (!pending.has(key)) listener?.onRestoreEnd(parseTopicPartitionKey(key), this.storeOf(key), 0);
    }
    let restored = 0;
    let sinceCheckpoint = 0;
    while (pending.size > 0) {
      const fetched = await reader.fetch(500);
      const applied = await this.apply(fetched, perKey, listener);
      restored += applied;
      sinceCheckpoint += applied;
      if (sinceCheckpoint >= CHECKPOINT_EVERY) {
        await this.checkpoint(reader, keys);
        sinceCheckpoint = 0;
      }
      for (const key of pending) {
        if ((fetched.positions.get(key) ?? -1n) < ends.get(key)!) continue;
        pending.delete(key);
        listener?.onRestoreEnd(parseTopicPartitionKey(key), this.storeOf(key), perKey.get(key)!);
      }
    }
    await this.checkpoint(reader, keys);
    this.keys = keys;
    emit({ type: 'restore-end', taskId: 'global', restored, ms: Date.now() - started });
    this.running = true;
    this.loop = this.follow(reader).catch((error: unknown) => {
      this.running = false;
      this.deps.onFatal(error);
    });
  }

  /**
   * Where to read each partition from: after its checkpointed offset when the checkpoint
   * covers every partition and each offset is still in its log, otherwise (after dropping
   * the local state) from the beginning. An earliest start is `EARLIEST_OFFSET` resolved by
   * the reader; a resumed one is the exact next offset.
   */
  private async startOffsets(keys: readonly string[], starts: ReadonlyMap<string, bigint>, ends: ReadonlyMap<string, bigint>): Promise<Map<string, bigint>> {
    const checkpointed = this.task.checkpointed();
    const resumed = new Map<string, bigint>();
    for (const key of keys) {
      const last = checkpointed.get(key);
      const next = last === undefined ? undefined : last + 1n;
      if (next === undefined || next < (starts.get(key) ?? 0n) || next > (ends.get(key) ?? 0n)) {
        await this.task.reset();
        return new Map(keys.map((k) => [k, EARLIEST_OFFSET]));
      }
      resumed.set(key, next);
    }
    return resumed;
  }

  /**
   * Checkpoints the stores with the offset of the last record applied per partition: the
   * reader's position - 1 (-1 for a partition read from offset 0 that is still empty).
   */
  private async checkpoint(reader: EnginePartitionReader, keys: readonly string[]): Promise<void> {
    const applied = new Map<string, bigint>();
    for (const key of keys) {
      const position = reader.position(parseTopicPartitionKey(key));
      if (position !== undefined) applied.set(key, position - 1n);
    }
    await this.task.checkpoint(applied);
  }

  /** Applies fetched records; while bootstrapping, counts them per partition and tells the listener. */
  private async apply(fetched: ReaderFetch, perKey?: Map<string, number>, listener?: StateRestoreListener | null): Promise<number> {
    let n = 0;
    for (const [key, records] of fetched.records) {
      if (records.length === 0) continue;
      const { topic, partition } = records[0]!;
      await this.task.update(topic, partition, records);
      n += records.length;
      perKey?.set(key, (perKey.get(key) ?? 0) + records.length);
      listener?.onBatchRestored({ topic, partition }, this.task.storeOf(topic), records.at(-1)!.offset, records.length);
    }
    return n;
  }

  private storeOf(key: string): string {
    return this.task.storeOf(parseTopicPartitionKey(key).topic);
  }

  /**
   * Applies new records as they come; checkpoints every commit interval when some were
   * applied. A fetch that returns while stopping is applied too: the reader's positions
   * already moved past it, and the stop's checkpoint records those positions.
   */
  private async follow(reader: EnginePartitionReader): Promise<void> {
    let lastCheckpoint = Date.now();
    let sinceCheckpoint = 0;
    while (this.running) {
      const fetched = await reader.fetch(200);
      sinceCheckpoint += await this.apply(fetched);
      if (this.running && sinceCheckpoint > 0 && Date.now() - lastCheckpoint >= this.deps.config.commitIntervalMs) {
        await this.checkpoint(reader, this.keys);
        lastCheckpoint = Date.now();
        sinceCheckpoint = 0;
      }
    }
  }

  globalStore(name: string): StateStore | null {
    return this.task.globalStore(name);
  }

  /** Stops following; a clean stop checkpoints the stores before closing them. */
  async stop(clean: boolean): Promise<void> {
    this.running = false;
    await this.loop;
    if (clean && this.reader && this.keys.length > 0) await this.checkpoint(this.reader, this.keys);
    await this.reader?.close().catch(() => undefined);
    await this.task.close(clean);
  }
}
