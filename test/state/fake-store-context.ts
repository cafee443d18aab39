import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_HEADERS, Headers } from '../../src/processor/headers.js';
import { TaskId } from '../../src/processor/task-id.js';
import { TaskDb, type TaskDbOptions } from '../../src/state/leveldb/task-db.js';
import type { StateStore } from '../../src/state/state-store.js';
import type { RecordContext, RestoreCallback, StateStoreContext } from '../../src/state/state-store-context.js';

/** One record handed to `logChange`. */
export interface LoggedChange {
  readonly topic: string;
  readonly key: Buffer;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly headers: Headers;
}

/** Small LevelDB settings: tests open many databases. */
export const TEST_DB_OPTIONS: TaskDbOptions = { cacheSize: 1 << 20, writeBufferSize: 1 << 20, maxOpenFiles: 50, readCacheBytes: 1 << 20 };

/**
 * A `StateStoreContext` for store unit tests: a task LevelDB in a temp directory (removed
 * by `cleanup()`), captured changelog records, registered restore callbacks, and a settable
 * record context.
 */
export class FakeStoreContext implements StateStoreContext {
  readonly applicationId = 'app';
  readonly taskId = new TaskId(0, 0);
  appConfigs: { [key: string]: unknown } = {};
  readonly logged: LoggedChange[] = [];
  readonly registered = new Map<string, { store: StateStore; restore: RestoreCallback | null }>();
  current: RecordContext = { timestamp: 0, headers: EMPTY_HEADERS, topic: 'input', partition: 0, offset: 0n };
  private db: Promise<TaskDb> | null = null;

  constructor(
    readonly cacheMaxBytes = 10 * 1024 * 1024,
    readonly dir: string = mkdtempSync(join(tmpdir(), 'kstreams-state-')),
  ) {}

  taskDb(): Promise<TaskDb> {
    this.db ??= TaskDb.open(join(this.dir, 'leveldb'), TEST_DB_OPTIONS);
    return this.db;
  }

  changelogTopic(storeName: string): string {
    return `${this.applicationId}-${storeName}-changelog`;
  }

  logChange(topic: string, key: Buffer, value: Buffer | null, timestamp: number, headers: Headers, valueOffset = 0): void {
    this.logged.push({ topic, key, value: value === null ? null : value.subarray(valueOffset), timestamp, headers });
  }

  recordContext(): RecordContext {
    return this.current;
  }

  withRecordContext(context: RecordContext, fn: () => void): void {
    const previous = this.current;
    this.current = context;
    try {
      fn();
    } finally {
      this.current = previous;
    }
  }

  register(store: StateStore, restore: RestoreCallback | null): void {
    this.registered.set(store.name, { store, restore });
  }

  /** Makes the next writes come from a record at `timestamp` (offset increments). */
  setRecord(timestamp: number, headers: Headers = EMPTY_HEADERS): RecordContext {
    this.current = { timestamp, headers, topic: 'input', partition: 0, offset: this.current.offset + 1n };
    return this.current;
  }

  /** Feeds changelog records to a registered store's restore callback. */
  restore(storeName: string, records: { key: Buffer; value: Buffer | null; timestamp: number }[]): void {
    const restore = this.registered.get(storeName)?.restore;
    if (!restore) throw new Error(`No restore callback registered for ${storeName}`);
    restore(records);
  }

  /** Closes the task database (if opened); the directory stays. */
  async closeDb(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (db) await (await db).close();
  }

  async cleanup(): Promise<void> {
    await this.closeDb();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** `Buffer.from` for test keys: strings as UTF-8, arrays as bytes. */
export function b(data: string | number[]): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
}
