import { keyBytes } from '../internals/byte-keys.js';
import { ClockHand } from '../internals/clock-hand.js';

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

/** One key of a space held in memory: buffered (dirty or in flight) or clean (read cache). */
export interface SpaceEntry {
  /** The key suffix in string form. */
  readonly key: string;
  /** The newest value; null = deleted, or known absent. */
  value: Buffer | null;
  /** Snapshots (the open one included) holding a write of this key that LevelDB lacks. 0 = clean. */
  unwritten: number;
  /** The snapshot generation the entry was last appended to. */
  loggedIn: number;
  /** `entrySize` of the key and value, for the byte estimates. */
  size: number;
  /** Read since the eviction hand last passed (second chance, see `ClockHand`). */
  referenced: boolean;
}

/** The writes one checkpoint takes from a space: each written key once, with its value then. */
export interface WriteLayer {
  readonly entries: readonly SpaceEntry[];
  /** `entries[i]`'s value when the snapshot was taken (null = delete). */
  readonly values: readonly (Buffer | null)[];
}

/** Rough per-entry bookkeeping cost (entry object, Map slot, string header) for the byte estimates. */
const ENTRY_OVERHEAD = 64;

function entrySize(key: string, value: Buffer | null): number {
  return key.length + ENTRY_OVERHEAD + (value === null ? 0 : value.length);
}

/**
 * The keys of a `TaskDb` under one prefix (one store), addressed by their suffix in
 * string form (latin1, see `byte-keys.ts`), so the hot path never concatenates prefix and
 * key.
 *
 * One Map holds every key the space has in memory with its newest value: written and not
 * yet in LevelDB (dirty, or in a checkpoint batch still in flight), or clean (the read
 * cache, evicted least recently read first over the task's budget; buffered entries never are). A read
 * is one lookup, then `getSync`; a write is one lookup and, the first time a key is
 * written between two checkpoints, an append to the open snapshot's list.
 */
export class KeySpace {
  private readonly entries = new Map<string, SpaceEntry>();
  /** Entries written since the last snapshot, each once, in order of first write. */
  private log: SpaceEntry[] = [];
  private generation = 0;
  /** Snapshots handed to checkpoint batches that have not completed, oldest first. */
  private inFlight: WriteLayer[] = [];
  /** Picks clean entries to evict (`evictClean`). */
  private readonly clock = new ClockHand(this.entries);

  constructor(
    private readonly host: KeySpaceHost,
    /** The full-key prefix in string form. */
    readonly prefix: string,
  ) {}

  get(key: string): Buffer | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      entry.referenced = true;
      return entry.value ?? undefined;
    }
    const stored = this.host.readStored(keyBytes(this.prefix + key));
    if (this.host.readCacheEnabled) this.addClean(key, stored ?? null);
    return stored;
  }

  /**
   * Buffers a write (null = delete) until the next checkpoint. Every write counts its whole
   * entry toward the dirty bytes, rewrites of a buffered key included: an over-estimate
   * (a checkpoint comes a little early) that keeps a write at one lookup. Returns whether
   * the key had a value in memory before (false when unknown: not in memory, or deleted).
   */
  put(key: string, value: Buffer | null): boolean {
    this.host.assertWritable();
    const size = entrySize(key, value);
    this.host.addDirtyBytes(size);
    let entry = this.entries.get(key);
    let present = false;
    if (entry === undefined) {
      entry = { key, value, unwritten: 0, loggedIn: -1, size, referenced: false };
      this.entries.set(key, entry);
    } else {
      present = entry.value !== null;
      if (entry.unwritten === 0) this.host.addCleanBytes(-entry.size);
      entry.value = value;
      entry.size = size;
    }
    if (entry.loggedIn !== this.generation) {
      entry.loggedIn = this.generation;
      entry.unwritten++;
      this.log.push(entry);
    }
    return present;
  }

  /** Takes the writes since the last snapshot (possibly none) for a checkpoint batch. */
  snapshot(): WriteLayer {
    const entries = this.log;
    const values = new Array<Buffer | null>(entries.length);
    for (let i = 0; i < entries.length; i++) values[i] = entries[i]!.value;
    this.log = [];
    this.generation++;
    const layer: WriteLayer = { entries, values };
    this.inFlight.push(layer);
    return layer;
  }

  /** A checkpoint batch with `layer` completed: keys not written since are clean now. */
  written(layer: WriteLayer): void {
    this.inFlight.splice(this.inFlight.indexOf(layer), 1);
    for (const entry of layer.entries) if (--entry.unwritten === 0) this.becameClean(entry);
  }

  /** A checkpoint failed: every in-flight snapshot goes back into the open one. Returns its dirty bytes. */
  unwind(): number {
    const pending = [...this.inFlight.flatMap((layer) => layer.entries), ...this.log];
    this.inFlight = [];
    this.log = [];
    this.generation++;
    let bytes = 0;
    for (const entry of pending) {
      if (entry.loggedIn === this.generation) continue;
      entry.loggedIn = this.generation;
      entry.unwritten = 1;
      this.log.push(entry);
      bytes += entry.size;
    }
    return bytes;
  }

  /**
   * The entries LevelDB may lack: in the open snapshot or in flight. Their values are the
   * newest, so a scan of LevelDB overlaid with them (also with those pending when the scan
   * started, whose batch may have completed after the scan's LevelDB snapshot) is current.
   */
  pending(): SpaceEntry[] {
    return [...this.inFlight.flatMap((layer) => layer.entries), ...this.log];
  }

  /** Forgets a clean key (restore wrote it to LevelDB directly). */
  dropClean(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.unwritten > 0) return;
    this.entries.delete(key);
    this.host.addCleanBytes(-entry.size);
  }

  private becameClean(entry: SpaceEntry): void {
    if (!this.host.readCacheEnabled) {
      if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
      return;
    }
    const over = this.host.addCleanBytes(entry.size);
    if (over > 0) this.evictClean(over);
  }

  private addClean(key: string, value: Buffer | null): void {
    const entry: SpaceEntry = { key, value, unwritten: 0, loggedIn: -1, size: entrySize(key, value), referenced: false };
    this.entries.set(key, entry);
    const over = this.host.addCleanBytes(entry.size);
    if (over > 0) this.evictClean(over);
  }

  /**
   * Evicts clean entries of this space for at least `bytes`, least recently read first
   * (approximately: `ClockHand`, as the record cache). Buffered entries are never evicted.
   */
  private evictClean(bytes: number): void {
    let freed = 0;
    while (freed < bytes) {
      const entry = this.clock.next(isClean);
      if (entry === null) break;
      this.entries.delete(entry.key);
      freed += entry.size;
    }
    this.host.addCleanBytes(-freed);
  }
}

const isClean = (entry: SpaceEntry): boolean => entry.unwritten === 0;
