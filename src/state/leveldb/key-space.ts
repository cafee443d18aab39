import { keyBytes } from '../internals/byte-keys.js';

/** Writes not yet in LevelDB, by key suffix (latin1): a value, or null for a delete. */
export type WriteLayer = Map<string, Buffer | null>;

/** What a `KeySpace` needs from its `TaskDb`. */
export interface KeySpaceHost {
  /** `getSync` of a full key; throws when the database is closed. */
  readStored(key: Buffer): Buffer | undefined;
  /** Adjusts the task-wide dirty and read-cache byte counts. */
  addDirtyBytes(delta: number): void;
  readonly readCacheEnabled: boolean;
  /** Adds to the task-wide read-cache bytes; returns how many bytes to evict now. */
  addCleanBytes(delta: number): number;
  assertWritable(): void;
}

/** Rough per-entry bookkeeping cost (Map slot, string header) for the byte estimates. */
const ENTRY_OVERHEAD = 48;

export function entrySize(key: string, value: Buffer | null): number {
  return key.length + ENTRY_OVERHEAD + (value === null ? 0 : value.length);
}

/**
 * The keys of a `TaskDb` under one prefix (one store), addressed by their suffix in
 * string form (latin1, see `byte-keys.ts`). Keeping a dirty map, in-flight snapshots and
 * a read cache per space means the hot path never concatenates prefix and key: the suffix
 * string the store already made is the map key, hashed once.
 *
 * Invariant: a key's newest value is in `dirty`, else in the newest in-flight snapshot that
 * has it, else in LevelDB; `clean` only holds what LevelDB holds (or will once the in-flight
 * batch that put it there completes).
 */
export class KeySpace {
  dirty: WriteLayer = new Map();
  /** Snapshots handed to checkpoint batches that have not completed, oldest first. */
  inFlight: WriteLayer[] = [];
  /** Clean entries (null = known absent); insertion order, evicted oldest first. */
  private readonly clean: WriteLayer = new Map();
  private cleanBytes = 0;

  constructor(
    private readonly host: KeySpaceHost,
    /** The full-key prefix in string form. */
    readonly prefix: string,
  ) {}

  get(key: string): Buffer | undefined {
    let value = this.dirty.get(key);
    if (value !== undefined) return value ?? undefined;
    for (let i = this.inFlight.length - 1; i >= 0; i--) {
      value = this.inFlight[i]!.get(key);
      if (value !== undefined) return value ?? undefined;
    }
    value = this.clean.get(key);
    if (value !== undefined) return value ?? undefined;
    const stored = this.host.readStored(keyBytes(this.prefix + key));
    this.addClean(key, stored ?? null);
    return stored;
  }

  /**
   * Buffers a write (null = delete) until the next checkpoint. Every write counts its whole
   * entry toward the dirty bytes, rewrites of a buffered key included: an over-estimate
   * (a checkpoint comes a little early) that saves a Map lookup per write.
   */
  put(key: string, value: Buffer | null): void {
    this.host.assertWritable();
    this.host.addDirtyBytes(entrySize(key, value));
    this.dirty.set(key, value);
  }

  /** Moves the dirty map to the in-flight list and returns it (empty maps included). */
  snapshot(): WriteLayer {
    const layer = this.dirty;
    this.dirty = new Map();
    this.inFlight.push(layer);
    return layer;
  }

  /** A checkpoint batch with `layer` completed: its entries are now clean. */
  written(layer: WriteLayer): void {
    this.inFlight.splice(this.inFlight.indexOf(layer), 1);
    for (const [key, value] of layer) {
      this.dropClean(key);
      this.addClean(key, value);
    }
  }

  /** A checkpoint failed: fold every in-flight snapshot back under the dirty map. */
  unwind(): number {
    const merged: WriteLayer = new Map();
    for (const layer of [...this.inFlight, this.dirty]) for (const [key, value] of layer) merged.set(key, value);
    this.inFlight = [];
    this.dirty = merged;
    let bytes = 0;
    for (const [key, value] of merged) bytes += entrySize(key, value);
    return bytes;
  }

  /** Every in-memory layer, oldest first. */
  layers(): WriteLayer[] {
    return [...this.inFlight, this.dirty];
  }

  dropClean(key: string): void {
    const old = this.clean.get(key);
    if (old === undefined) return;
    this.clean.delete(key);
    this.cleanBytes -= entrySize(key, old);
    this.host.addCleanBytes(-entrySize(key, old));
  }

  private addClean(key: string, value: Buffer | null): void {
    if (!this.host.readCacheEnabled) return;
    const size = entrySize(key, value);
    this.clean.set(key, value);
    this.cleanBytes += size;
    const over = this.host.addCleanBytes(size);
    if (over > 0) this.evictClean(over);
  }

  /** Evicts oldest entries of this space for at least `bytes` (LRU-ish: hits do not refresh). */
  private evictClean(bytes: number): void {
    let freed = 0;
    for (const [key, value] of this.clean) {
      if (freed >= bytes) break;
      const size = entrySize(key, value);
      this.clean.delete(key);
      freed += size;
    }
    this.cleanBytes -= freed;
    this.host.addCleanBytes(-freed);
  }
}
