import { rm } from 'node:fs/promises';
import { ClassicLevel, type ChainedBatch } from 'classic-level';
import { ProcessorStateError } from '../../errors/processor-state-error.js';
import { keyBytes, prefixUpperBound } from '../internals/byte-keys.js';
import { KeySpace, type KeySpaceHost, type WriteLayer } from './key-space.js';

/** Memory settings of one task's LevelDB (DESIGN.md: set explicitly from one budget). */
export interface TaskDbOptions {
  /** LevelDB block cache in bytes. Default 8 MB. */
  readonly cacheSize?: number;
  /** LevelDB memtable size in bytes. Default 4 MB. */
  readonly writeBufferSize?: number;
  /** Open file descriptors LevelDB may keep. Default 1,000. */
  readonly maxOpenFiles?: number;
  /** Bytes of clean entries kept in `TaskDb`'s own read cache (0 disables it). Default 8 MB. */
  readonly readCacheBytes?: number;
}

/** Changelog offsets live under this reserved prefix; store prefixes never start with 0x00. */
const CHECKPOINT_PREFIX = '\x00checkpoint\x00';

/**
 * One LevelDB per task; stores live under key prefixes, each a `KeySpace`
 * (see `LevelDbKeyValueBytesStore`).
 *
 * Reads are synchronous: the key space's in-memory entry (a buffered write, one in a
 * checkpoint batch still in flight, or a clean cached value), else `getSync`. Writes only
 * touch the key spaces (the dirty buffer); `checkpoint(offsets)` writes what was buffered
 * together with the changelog offsets it corresponds to in one atomic batch, so LevelDB never
 * holds state newer than its stored offsets say (DESIGN.md, "Writes stay in memory until
 * a checkpoint"). Keys are handled in string form (latin1, see `byte-keys.ts`) so the hot
 * path allocates no Buffers.
 *
 * The Buffer methods `get`/`put`/`delete` address full keys through the root key space
 * (empty prefix); a key under a store's prefix must only be accessed through that store's
 * `keySpace`, or the two would not see each other's buffered writes.
 */
export class TaskDb implements KeySpaceHost {
  static readonly defaults: Required<TaskDbOptions> = {
    cacheSize: 8 * 1024 * 1024,
    writeBufferSize: 4 * 1024 * 1024,
    maxOpenFiles: 1000,
    readCacheBytes: 8 * 1024 * 1024,
  };

  private readonly spaces = new Map<string, KeySpace>();
  private readonly root: KeySpace;
  private dirtySize = 0;
  private cleanSize = 0;
  private lastCheckpoint: Promise<void> = Promise.resolve();
  private failure: { cause: unknown } | null = null;
  private closed = false;

  private constructor(
    readonly dir: string,
    private readonly db: ClassicLevel<Buffer, Buffer>,
    private readonly readCacheMax: number,
  ) {
    this.root = this.keySpace(Buffer.alloc(0));
  }

  /** Opens (creating if missing) the LevelDB at `dir`. */
  static async open(dir: string, options: TaskDbOptions = {}): Promise<TaskDb> {
    const o = { ...TaskDb.defaults, ...options };
    const db = new ClassicLevel<Buffer, Buffer>(dir, {
      keyEncoding: 'buffer',
      valueEncoding: 'buffer',
      createIfMissing: true,
      cacheSize: o.cacheSize,
      writeBufferSize: o.writeBufferSize,
      maxOpenFiles: o.maxOpenFiles,
    });
    await db.open();
    return new TaskDb(dir, db, o.readCacheBytes);
  }

  /** Deletes a task directory (tests, and wiping corrupted state). */
  static async destroy(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
  }

  /** Approximate bytes of writes not yet handed to a checkpoint (for memory pressure). */
  get dirtyBytes(): number {
    return this.dirtySize;
  }

  /** Whether `close()` has not been called yet. */
  isOpen(): boolean {
    return !this.closed;
  }

  /** The key space under `prefix` (the same object for the same prefix). */
  keySpace(prefix: Buffer): KeySpace {
    const key = prefix.toString('latin1');
    let space = this.spaces.get(key);
    if (space === undefined) this.spaces.set(key, (space = new KeySpace(this, key)));
    return space;
  }

  get(key: Buffer): Buffer | undefined {
    return this.root.get(key.toString('latin1'));
  }

  put(key: Buffer, value: Buffer): void {
    this.root.put(key.toString('latin1'), value);
  }

  delete(key: Buffer): void {
    this.root.put(key.toString('latin1'), null);
  }

  /**
   * Writes every buffered write and `offsets` (changelog topic-partition -> offset to
   * restore from) in one atomic batch. Writes made while it runs go to fresh buffers and
   * stay readable. Checkpoints complete in call order. After a failed batch nothing was
   * written (LevelDB batches are atomic), the writes are kept in memory, and every later
   * checkpoint rejects: close the task dirty and restore from the stored offsets.
   */
  checkpoint(offsets: ReadonlyMap<string, bigint>): Promise<void> {
    if (this.closed) return Promise.reject(new ProcessorStateError(`Task database ${this.dir} is closed.`));
    if (this.failure !== null) return Promise.reject(this.failedError());
    const snapshots: [KeySpace, WriteLayer][] = [];
    for (const space of this.spaces.values()) snapshots.push([space, space.snapshot()]);
    this.dirtySize = 0;
    // A chained batch: one native call per write, about half the main-thread cost of
    // `batch(array)`, which reads every operation object's properties natively.
    const batch = this.writeBatch(snapshots, offsets);
    const run = async (): Promise<void> => {
      if (this.failure !== null) {
        // Queued behind the failed one: its snapshot goes back to the buffers too.
        this.unwind();
        await batch.close();
        throw this.failedError();
      }
      try {
        if (batch.length > 0) await batch.write();
        else await batch.close();
      } catch (cause) {
        this.fail(cause);
        throw this.failedError();
      }
      for (const [space, layer] of snapshots) space.written(layer);
    };
    const done = this.lastCheckpoint.then(run);
    this.lastCheckpoint = done.catch(() => undefined);
    return done;
  }

  /** The changelog offsets stored by the last completed checkpoint. */
  async readCheckpoint(): Promise<Map<string, bigint>> {
    const offsets = new Map<string, bigint>();
    const prefix = Buffer.from(CHECKPOINT_PREFIX, 'latin1');
    for (const [key, value] of await this.scanStored(prefix, true)) {
      offsets.set(keyBytes(key).subarray(prefix.length).toString('utf8'), value!.readBigInt64BE(0));
    }
    return offsets;
  }

  /** Every key suffix (string form) of `space`, buffered writes applied. */
  async loadKeysLatin1(space: KeySpace): Promise<string[]> {
    return [...(await this.load(space, '', false)).keys()];
  }

  /**
   * The entries of `space` whose key suffix starts with `prefix`, in key order, buffered
   * writes applied. Keys are returned without the space's prefix.
   */
  async loadPrefix(space: KeySpace, prefix: Buffer = Buffer.alloc(0)): Promise<[Buffer, Buffer][]> {
    const entries = await this.load(space, prefix.toString('latin1'), true);
    return [...entries.keys()].sort().map((key) => [keyBytes(key), entries.get(key)!]);
  }

  /**
   * Writes raw entries (full keys) straight to LevelDB, null value = delete, bypassing the
   * dirty buffers. For restoring before the task processes: a buffered write to the same
   * key would still shadow the restored value.
   */
  async restoreBatch(entries: readonly { readonly key: Buffer; readonly value: Buffer | null }[]): Promise<void> {
    this.assertWritable();
    const batch = this.db.batch();
    for (const e of entries) {
      if (e.value === null) batch.del(e.key);
      else batch.put(e.key, e.value);
    }
    await batch.write();
    for (const e of entries) {
      const key = e.key.toString('latin1');
      for (const space of this.spaces.values()) if (key.startsWith(space.prefix)) space.dropClean(key.slice(space.prefix.length));
    }
  }

  /** Waits for in-flight checkpoints, then closes LevelDB. Uncheckpointed writes are dropped. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lastCheckpoint;
    await this.db.close();
  }

  /** @internal KeySpaceHost */
  readStored(key: Buffer): Buffer | undefined {
    if (this.closed) throw new ProcessorStateError(`Task database ${this.dir} is closed.`);
    return this.db.getSync(key);
  }

  /** @internal KeySpaceHost */
  addDirtyBytes(delta: number): void {
    this.dirtySize += delta;
  }

  /** @internal KeySpaceHost */
  get readCacheEnabled(): boolean {
    return this.readCacheMax > 0;
  }

  /** @internal KeySpaceHost: returns the bytes to evict (down to 90% of the budget). */
  addCleanBytes(delta: number): number {
    this.cleanSize += delta;
    return this.cleanSize > this.readCacheMax ? this.cleanSize - this.readCacheMax * 0.9 : 0;
  }

  /** @internal KeySpaceHost */
  assertWritable(): void {
    if (this.closed) throw new ProcessorStateError(`Task database ${this.dir} is closed.`);
  }

  private async load(space: KeySpace, prefix: string, withValues: boolean): Promise<Map<string, Buffer | null>> {
    // Entries pending before the scan cover a checkpoint that completed during it (LevelDB
    // iterators read a snapshot taken at creation); their values are the newest.
    const before = space.pending();
    const stored = await this.scanStored(keyBytes(space.prefix + prefix), withValues);
    const found = new Map<string, Buffer | null>();
    const cut = space.prefix.length;
    for (const [key, value] of stored) found.set(key.slice(cut), value);
    for (const entry of [...before, ...space.pending()]) {
      if (!entry.key.startsWith(prefix)) continue;
      if (entry.value === null) found.delete(entry.key);
      else found.set(entry.key, entry.value);
    }
    return found;
  }

  private async scanStored(prefix: Buffer, withValues: boolean): Promise<Map<string, Buffer | null>> {
    this.assertWritable();
    const upper = prefixUpperBound(prefix.toString('latin1'));
    const range = upper === null ? { gte: prefix } : { gte: prefix, lt: keyBytes(upper) };
    const found = new Map<string, Buffer | null>();
    const it = this.db.iterator({ ...range, keys: true, values: withValues });
    try {
      for (;;) {
        const batch = await it.nextv(1000);
        if (batch.length === 0) break;
        for (const [key, value] of batch) found.set(key.toString('latin1'), withValues ? value : null);
      }
    } finally {
      await it.close();
    }
    return found;
  }

  /** A chained batch of the snapshots' writes and the changelog offsets. */
  private writeBatch(snapshots: readonly [KeySpace, WriteLayer][], offsets: ReadonlyMap<string, bigint>): ChainedBatch<ClassicLevel<Buffer, Buffer>, Buffer, Buffer> {
    const batch = this.db.batch();
    for (const [space, layer] of snapshots) {
      const { entries, values } = layer;
      for (let i = 0; i < entries.length; i++) {
        const key = keyBytes(space.prefix + entries[i]!.key);
        const value = values[i] as Buffer | null;
        if (value === null) batch.del(key);
        else batch.put(key, value);
      }
    }
    for (const [topicPartition, offset] of offsets) {
      const value = Buffer.allocUnsafe(8);
      value.writeBigInt64BE(offset, 0);
      batch.put(Buffer.concat([Buffer.from(CHECKPOINT_PREFIX, 'latin1'), Buffer.from(topicPartition, 'utf8')]), value);
    }
    return batch;
  }

  private fail(cause: unknown): void {
    this.failure = { cause };
    this.unwind();
  }

  /** Nothing of a failed batch reached LevelDB: snapshots go back under the current buffers. */
  private unwind(): void {
    this.dirtySize = 0;
    for (const space of this.spaces.values()) this.dirtySize += space.unwind();
  }

  private failedError(): ProcessorStateError {
    return new ProcessorStateError(
      `A checkpoint of task database ${this.dir} failed; close the task dirty and restore from the stored offsets.`,
      { cause: this.failure?.cause },
    );
  }
}
