// Kafka: InMemoryKeyValueStore
import type { StateStore } from '../state-store.js';
import type { StateStoreContext } from '../state-store-context.js';
import { IndexedBytesStore } from '../internals/indexed-bytes-store.js';
import { keyString } from '../internals/byte-keys.js';
import { restoreCallback } from '../internals/restore.js';

/**
 * A non-persistent bytes store: a hash map for point operations plus a sorted key index
 * (js-sdsl `OrderedMap`) built on the first range query. Keys are held as latin1 strings,
 * whose `<` order is the unsigned byte order of the keys (cheaper than `Buffer.compare`).
 * Its content is rebuilt from the changelog after a restart.
 */
export class InMemoryKeyValueBytesStore extends IndexedBytesStore {
  private readonly data = new Map<string, Buffer>();

  init(context: StateStoreContext, root: StateStore): void {
    this.open = true;
    context.register(root, restoreCallback(root, (key, value) => this.write(keyString(key), value)));
  }

  persistent(): boolean {
    return false;
  }

  approximateNumEntries(): number {
    this.checkOpen();
    return this.data.size;
  }

  read(key: string): Buffer | undefined {
    return this.data.get(key);
  }

  protected write(key: string, value: Buffer | null): void {
    if (value === null) {
      if (this.data.delete(key)) this.index.removed(key);
      return;
    }
    const size = this.data.size;
    this.data.set(key, value);
    if (this.data.size !== size) this.index.added(key);
  }

  protected keys(): Iterable<string> {
    return this.data.keys();
  }

  protected release(): void {
    this.data.clear();
  }
}
