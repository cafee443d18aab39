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
const CHECKPOINT_OFFSET_DELTA = 10_000n;

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
  readonly registered = new Map<string, Registered>();
  private db: TaskDb | null = null;
  private opening: Promise<TaskDb> | null = null;
  private checkpointed = new Map<string, bigint>();
  private readonly changelogTopics = new Map<string, string>();

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
    for (const store of this.stores.values()) store.flush();
  }

  /**
   * Writes a checkpoint when the changelog advanced by more than 10,000 records, when the
   * dirty state is over budget, or when `force` (clean close). Returns null when none is due.
   */
  maybeCheckpoint(collector: RecordCollector, partition: number, force: boolean): Promise<void> | null {
    const db = this.db;
    if (db === null) return null;
    const offsets = new Map<string, bigint>();
    let advanced = 0n;
    for (const name of this.stores.keys()) {
      const topic = this.changelogTopic(name);
      const key = topicPartitionKey(topic, partition);
      const offset = collector.offsetOf(topic, partition);
      if (offset === undefined) continue;
      offsets.set(key, offset);
      const delta = offset - (this.checkpointed.get(key) ?? -1n);
      if (delta > advanced) advanced = delta;
    }
    if (!force && advanced <= CHECKPOINT_OFFSET_DELTA && db.dirtyBytes <= this.maxDirtyBytes) return null;
    if (!force && db.dirtyBytes === 0 && advanced === 0n) return null;
    return db.checkpoint(offsets).then(() => {
      for (const [k, v] of offsets) this.checkpointed.set(k, v);
    });
  }

  /** Stores restored data together with the changelog offsets it reaches (restore batches). */
  async checkpointRestored(offsets: ReadonlyMap<string, bigint>): Promise<void> {
    const db = this.db ?? (this.opening ? await this.opening : null);
    if (db === null) return;
    await db.checkpoint(offsets);
    for (const [k, v] of offsets) this.checkpointed.set(k, v);
  }

  async close(): Promise<void> {
    for (const store of this.stores.values()) if (store.isOpen()) await store.close();
    this.stores.clear();
    this.registered.clear();
    const db = this.db ?? (this.opening ? await this.opening : null);
    this.db = null;
    this.opening = null;
    if (db) await db.close();
  }
}
