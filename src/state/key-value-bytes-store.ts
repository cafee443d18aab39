import type { KeyValueStore } from './key-value-store.js';

/**
 * A key-value store over raw bytes: the backends (in-memory, LevelDB) and the layers
 * between them and the typed `MeteredKeyValueStore`. Keys are ordered by unsigned
 * lexicographic byte order (`Buffer.compare`). Buffers handed to `put` belong to the store
 * afterwards and buffers it returns must not be mutated.
 */
export type KeyValueBytesStore = KeyValueStore<Buffer, Buffer>;

/** Creates a fresh bytes store per task (Java's `KeyValueBytesStoreSupplier`). */
export interface KeyValueBytesStoreSupplier {
  readonly name: string;
  /** A new, uninitialised store instance. */
  get(): KeyValueBytesStore;
  /** Metrics scope, e.g. `leveldb` or `in-memory`. */
  readonly metricsScope: string;
}
