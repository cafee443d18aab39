import type { TaskId } from '../processor/task-id.js';
import type { Headers } from '../processor/headers.js';
import type { TaskDb } from './leveldb/task-db.js';
import type { StateStore } from './state-store.js';

/** The record being processed (or the cached entry being flushed): where a write came from. */
export interface RecordContext {
  readonly timestamp: number;
  readonly headers: Headers;
  readonly topic: string | null;
  readonly partition: number;
  readonly offset: bigint;
}

/** Applies raw changelog records (key bytes, value bytes or null) to a store during restore. */
export type RestoreCallback = (records: readonly { key: Buffer; value: Buffer | null; timestamp: number }[]) => void;

/**
 * What the task gives a store at `init`: identity, the task's LevelDB, the changelog sink
 * and the current record context. Internal to the engine; stores are the only users.
 */
export interface StateStoreContext {
  readonly applicationId: string;
  readonly taskId: TaskId;
  readonly appConfigs: Readonly<{ [key: string]: unknown }>;
  /** The task's LevelDB (opened on first use): one per task, stores live under key prefixes. */
  taskDb(): Promise<TaskDb>;
  /** `<applicationId>-<storeName>-changelog`. */
  changelogTopic(storeName: string): string;
  /**
   * Sends one changelog record through the task's record collector (partition = task
   * partition). The record's value is `value` from byte `valueOffset` on (a timestamped
   * store logs its value without the 8-byte timestamp; the view is only made if needed).
   */
  logChange(topic: string, key: Buffer, value: Buffer | null, timestamp: number, headers: Headers, valueOffset?: number): void;
  /** The context of the record being processed now. */
  recordContext(): RecordContext;
  /** Runs `fn` with `context` as the current record context (cache flushes forward with the entry's context). */
  withRecordContext(context: RecordContext, fn: () => void): void;
  /** Registers a store so the task flushes, checkpoints, restores and closes it. */
  register(store: StateStore, restore: RestoreCallback | null): void;
  /** Bytes this task's caches may hold in total (shared by its caching stores). */
  readonly cacheMaxBytes: number;
}
