// Kafka: MergedSortedCacheKeyValueBytesStoreIterator
import { ProcessorStateError } from '../../errors/processor-state-error.js';
import type { KeyValue } from '../key-value.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import { iterate } from '../internals/iterate.js';

/** A dirty cache entry as seen by an iterator (null value = pending delete). */
export interface CachedPair {
  readonly key: Buffer;
  readonly value: Buffer | null;
}

/**
 * Merges a caching store's dirty entries (sorted in iteration order) with an iterator of
 * the store below. On equal keys the cache wins; a cached delete hides the stored key.
 */
export class MergedSortedCacheIterator implements KeyValueIterator<Buffer, Buffer> {
  private cursor = 0;
  private pending: KeyValue<Buffer, Buffer> | null = null;
  private closed = false;

  constructor(
    private readonly storeName: string,
    private readonly cached: readonly CachedPair[],
    private readonly stored: KeyValueIterator<Buffer, Buffer>,
    private readonly reverse: boolean,
    /** The order both inputs are sorted in (default: key byte order). */
    private readonly compare: (a: Buffer, b: Buffer) => number = Buffer.compare,
  ) {}

  hasNext(): boolean {
    if (this.closed) throw new ProcessorStateError(`Iterator of store ${this.storeName} is closed.`);
    if (this.pending === null) this.pending = this.advance();
    return this.pending !== null;
  }

  next(): KeyValue<Buffer, Buffer> {
    if (!this.hasNext()) throw new ProcessorStateError(`Iterator of store ${this.storeName} has no more entries.`);
    const entry = this.pending!;
    this.pending = null;
    return entry;
  }

  peekNextKey(): Buffer {
    if (!this.hasNext()) throw new ProcessorStateError(`Iterator of store ${this.storeName} has no more entries.`);
    return this.pending!.key;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stored.close();
  }

  [Symbol.iterator](): Iterator<KeyValue<Buffer, Buffer>> {
    return iterate(this);
  }

  private advance(): KeyValue<Buffer, Buffer> | null {
    for (;;) {
      const c = this.cursor < this.cached.length ? this.cached[this.cursor]! : null;
      const storeHasNext = this.stored.hasNext();
      if (c === null) return storeHasNext ? this.stored.next() : null;
      if (storeHasNext) {
        const order = this.compare(c.key, this.stored.peekNextKey());
        if ((this.reverse ? -order : order) > 0) return this.stored.next();
        if (order === 0) this.stored.next();
      }
      this.cursor++;
      if (c.value !== null) return { key: c.key, value: c.value };
    }
  }
}
