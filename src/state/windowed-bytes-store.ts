import type { KeyValueBytesStore } from './key-value-bytes-store.js';
import type { KeyValueIterator } from './key-value-iterator.js';
import type { StoreKeySchema } from './internals/store-key-schema.js';

/**
 * The bytes level of window and session stores (Kafka's segmented bytes stores): a
 * key-value store over composite keys — `key + start(8) + seqnum(4)` for windows,
 * `key + end(8) + start(8)` for sessions, the same bytes as the changelog's keys — that
 * drops entries older than its retention and can also iterate by time. `range` is in key
 * byte order (one key's windows are contiguous), `fetchByTime` by time (`compareFetchOrder`).
 */
export interface WindowedBytesStore extends KeyValueBytesStore {
  readonly schema: StoreKeySchema;
  /** How long entries are kept after the largest time written (ms). */
  readonly retentionPeriod: number;
  /**
   * The order of `fetchByTime`, on string-form keys: the schema's time order, except for a
   * persistent window store that is not time-ordered, which orders as Kafka's RocksDB
   * segments do (segment by segment, composite key bytes within one).
   */
  readonly compareFetchOrder: (a: string, b: string) => number;
  /** Entries whose time (window start / session end) is in `[from, to]`, in `compareFetchOrder`. */
  fetchByTime(from: number, to: number, reverse: boolean): KeyValueIterator<Buffer, Buffer>;
}

/** Creates a window bytes store per task (Java's `WindowBytesStoreSupplier`). */
export interface WindowBytesStoreSupplier {
  readonly kind: 'window';
  readonly name: string;
  /** How long windows are kept, measured from the largest window start seen (ms). */
  readonly retentionPeriod: number;
  readonly windowSize: number;
  /** Whether several values per key and window start are kept (stream-stream joins). */
  readonly retainDuplicates: boolean;
  readonly metricsScope: string;
  get(): WindowedBytesStore;
}

/** Creates a session bytes store per task (Java's `SessionBytesStoreSupplier`). */
export interface SessionBytesStoreSupplier {
  readonly kind: 'session';
  readonly name: string;
  /** How long sessions are kept, measured from the largest session end seen (ms). */
  readonly retentionPeriod: number;
  readonly metricsScope: string;
  get(): WindowedBytesStore;
}
