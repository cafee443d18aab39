// Kafka: RocksDBStore (the persistent key-value backend)
import { ProcessorStateError } from '../../errors/processor-state-error.js';
import type { StateStore } from '../state-store.js';
import type { StateStoreContext } from '../state-store-context.js';
import { IndexedBytesStore } from '../internals/indexed-bytes-store.js';
import { keyString } from '../internals/byte-keys.js';
import { restoreCallback } from '../internals/restore.js';
import type { KeySpace } from './key-space.js';

/** First byte of every store prefix; 0x00 is reserved for `TaskDb`'s own keys (checkpoints). */
const KEY_VALUE_STORE_TAG = 0x01;

/**
 * The key prefix of a store inside its task's LevelDB: tag byte, 2-byte big-endian length
 * of the UTF-8 name, the name. Length-prefixing keeps one store's keys from ever falling
 * inside another store's range, whatever the names.
 */
export function storePrefix(name: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 0xffff) throw new ProcessorStateError(`Store name too long (${nameBytes.length} bytes): ${name.slice(0, 40)}...`);
  const prefix = Buffer.allocUnsafe(3 + nameBytes.length);
  prefix[0] = KEY_VALUE_STORE_TAG;
  prefix.writeUInt16BE(nameBytes.length, 1);
  nameBytes.copy(prefix, 3);
  return prefix;
}

/**
 * A persistent bytes store living under a key prefix of the task's LevelDB (`TaskDb`).
 *
 * Trade-off: classic-level has no synchronous iterator and processors need synchronous
 * range reads, so this store keeps every one of its keys in memory (a Set of latin1
 * strings, loaded at `init` with one async scan; a sorted index is built from it on the
 * first range query). Point reads cost one Set lookup, then the store's `KeySpace` of the
 * task database (dirty buffer, read cache, `getSync`); absent keys never reach LevelDB.
 * Ranges walk the index and read values through the `KeySpace`. Memory therefore grows
 * with the number of keys (roughly key length + 50-100 bytes each), not with value sizes.
 * Window and session stores, whose key spaces are large, use per-key residency instead
 * (DESIGN.md).
 *
 * Writes go to the task's dirty buffer and reach LevelDB at the task's next checkpoint,
 * atomically with the changelog offsets. Restored records take the same path, so a
 * checkpoint after restore stores data and offsets together.
 */
export class LevelDbKeyValueBytesStore extends IndexedBytesStore {
  private space: KeySpace | null = null;
  private readonly keySet = new Set<string>();

  async init(context: StateStoreContext, root: StateStore): Promise<void> {
    const db = await context.taskDb();
    const space = db.keySpace(storePrefix(this.name));
    for (const key of await db.loadKeysLatin1(space)) this.keySet.add(key);
    this.space = space;
    this.open = true;
    context.register(root, restoreCallback(root, (key, value) => this.write(keyString(key), value)));
  }

  persistent(): boolean {
    return true;
  }

  approximateNumEntries(): number {
    this.checkOpen();
    return this.keySet.size;
  }

  read(key: string): Buffer | undefined {
    return this.keySet.has(key) ? this.space!.get(key) : undefined;
  }

  protected write(key: string, value: Buffer | null): void {
    if (value === null) {
      if (!this.keySet.delete(key)) return;
      this.space!.put(key, null);
      this.index.removed(key);
      return;
    }
    // A key the space held a value for is in the key set already: skip that lookup.
    if (this.space!.put(key, value)) return;
    const size = this.keySet.size;
    this.keySet.add(key);
    if (this.keySet.size !== size) this.index.added(key);
  }

  protected keys(): Iterable<string> {
    return this.keySet;
  }

  /** The TaskDb belongs to the task, which closes it after every store. */
  protected release(): void {
    this.keySet.clear();
    this.space = null;
  }
}
