// Kafka: ProcessorStateManager (store registry, checkpoint) for one task
import { join } from 'node:path';
import type { StateStore } from '../../state/state-store.js';
import type { RestoreCallback } from '../../state/state-store-context.js';
import type { StoreSpec } from '../../topology/topology.js';
import { TaskDb } from '../../state/leveldb/task-db.js';
import { ProcessorStateError } from '../../errors/processor-state-error.js';
import { topicPartitionKey } from './consumed-record.js';
import type { RecordCollector } from './record-collector.js';

/** How much LevelDB memory one task may use. */
export interface TaskDbBudget {
  readonly cacheSize: number;
  readonly writeBufferSize: number;
  readonly maxOpenFiles: number;
}

/** Changelog records written since the last checkpoint that trigger a new one (Kafka's 10,000). */
const CHECKPOINT_RECORDS = 10_000;

/** A registered store and how to restore it. */
interface Registered {
  readonly store: StateStore;
  readonly restore: RestoreCallback | null;
}

/**
 * The stores of one task: creation from builders, registration, the task's LevelDB and
 * checkpoints (the dirty buffer and changelog offsets written in one atomic batch).
 */
export class TaskStores {
  readonly stores = new Map<string, StateStore>();
  /** `stores` as an array, for `flush()` (null until needed). */
  private storeList: StateStore[] | null = null;
  readonly registered = new Map<string, Registered>();
  private db: TaskDb | null = null;
  private opening: Promise<TaskDb> | null = null;
  private checkpointed = new Map<string, bigint>();
  private readonly changelogTopics = new Map<string, string>();
  private changelogWrites = 0;
  private inflight: Promise<void> | null = null;
  private checkpointFailure: unknown = null;

  constructor(
    private readonly applicationId: string,
    readonly taskDir: string,
    private readonly budget: TaskDbBudget,
    /** Bytes of dirty state above which a commit checkpoints regardless of offsets. */
    private readonly maxDirtyBytes: number,
  ) {}

  /** Builds one instance per store spec (not yet initialised). */
  create(specs: readonly StoreSpec[]): StateStore[] {
    return specs.map((spec) => {
      const store = spec.builder.build();
      this.stores.set(spec.builder.name, store);
      this.storeList = null;
      return store;
    });
  }

  get(name: string): StateStore {
    const store = this.stores.get(name);
    if (!store) throw new ProcessorStateError(`State store "${name}" does not exist in this task.`);
    return store;
  }

  changelogTopic(storeName: string): string {
    let topic = this.changelogTopics.get(storeName);
    if (topic === undefined) this.changelogTopics.set(storeName, (topic = `${this.applicationId}-${storeName}-changelog`));
    return topic;
  }

  register(store: StateStore, restore: RestoreCallback | null): void {
    this.registered.set(store.name, { store, restore });
  }

  /** The task's LevelDB, opened on first use. */
  taskDb(): Promise<TaskDb> {
    if (this.db) return Promise.resolve(this.db);
    this.opening ??= TaskDb.open(join(this.taskDir, 'leveldb'), this.budget).then(async (db) => {
      this.db = db;
      this.checkpointed = await db.readCheckpoint();
      return db;
    });
    return this.opening;
  }

  /** Offsets stored with the last checkpoint, by `topic-partition` (empty without LevelDB). */
  checkpointOffsets(): ReadonlyMap<string, bigint> {
    return this.checkpointed;
  }

  /** Flushes every store (caches forward downstream, layers pass writes on). */
  flush(): void {
    // An array, not the Map's iterator: the test driver flushes after every record.
    const stores = (this.storeList ??= [...this.stores.values()]);
    for (let i = 0; i < stores.length; i++) stores[i]!.flush();
  }

  /**
   * Writes a checkpoint (dirty state + changelog offsets, one atomic batch) when more than
   * 10,000 changelog records were written since the last one, when the dirty state is over
   * budget, or when `force` (clean close). Due checkpoints run in the background (the dirty
   * buffer is snapshotted at once); a failure surfaces at the next call. Only a forced
   * checkpoint returns a Promise. A store whose changelog is a source topic (a reused table
   * source, a read-only store) is checkpointed at the last offset the task processed from
   * it (`sourceOffset`), as Java does, so a restart restores only what came after.
   */
  maybeCheckpoint(
    collector: RecordCollector,
    partition: number,
    force: boolean,
    sourceOffset: (storeName: string) => { readonly topic: string; readonly offset: bigint } | null = () => null,
  ): Promise<void> | null {
    const db = this.db;
    if (db === null) return null;
    if (this.checkpointFailure !== null) throw this.checkpointFailure;
    if (!force && (this.inflight !== null || (this.changelogWrites <= CHECKPOINT_RECORDS && db.dirtyBytes <= this.maxDirtyBytes))) {
      return null;
    }
    const offsets = new Map<string, bigint>();
    for (const name of this.stores.keys()) {
      const source = sourceOffset(name);
      if (source !== null) {
        if (source.offset >= 0n) offsets.set(topicPartitionKey(source.topic, partition), source.offset);
        continue;
      }
      const topic = this.changelogTopic(name);
      const offset = collector.offsetOf(topic, partition);
      if (offset !== undefined) offsets.set(topicPartitionKey(topic, partition), offset);
    }
    this.changelogWrites = 0;
    const previous = this.inflight;
    const run = (previous ? previous.then(() => db.checkpoint(offsets)) : db.checkpoint(offsets)).then(() => {
      for (const [k, v] of offsets) this.checkpointed.set(k, v);
    });
    if (force) return run;
    const tracked: Promise<void> = run.then(
      () => {
        if (this.inflight === tracked) this.inflight = null;
      },
      (error: unknown) => {
        this.checkpointFailure = error;
        if (this.inflight === tracked) this.inflight = null;
      },
    );
    this.inflight = tracked;
    return null;
  }

  /** Counts a changelog record (checkpoints follow the changelog's progress). */
  noteChangelogWrite(): void {
    this.changelogWrites++;
  }

  /** Stores restored data together with the changelog offsets it reaches (restore batches). */
  async checkpointRestored(offsets: ReadonlyMap<string, bigint>): Promise<void> {
    const db = this.db ?? (this.opening ? await this.opening : null);
    if (db === null) return;
    await db.checkpoint(offsets);
    for (const [k, v] of offsets) this.checkpointed.set(k, v);
  }

  async close(): Promise<void> {
    await this.inflight;
    for (const store of this.stores.values()) if (store.isOpen()) await store.close();
    this.stores.clear();
    this.storeList = null;
    this.registered.clear();
    const db = this.db ?? (this.opening ? await this.opening : null);
    this.db = null;
    this.opening = null;
    if (db) await db.close();
  }
}
