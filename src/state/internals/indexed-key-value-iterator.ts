import { ProcessorStateError } from '../../errors/processor-state-error.js';
import type { KeyValue } from '../key-value.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import { keyBytes } from './byte-keys.js';
import { iterate } from './iterate.js';
import type { KeyBounds, SortedKeyIndex } from './sorted-key-index.js';

/** What an `IndexedKeyValueIterator` needs from its store. */
export interface IndexedSource {
  readonly name: string;
  readonly index: SortedKeyIndex;
  /** The current value of a string-form key, or undefined when it has been deleted. */
  read(key: string): Buffer | undefined;
  /** Called once when the iterator closes. */
  iteratorClosed(iterator: IndexedKeyValueIterator): void;
}

const CHUNK = 256;

/**
 * Iterates a store through its `SortedKeyIndex`, `CHUNK` keys at a time. Keys are taken
 * from the index per chunk and values read when reached, so a key deleted meanwhile is
 * skipped and a write meanwhile is seen (Java's in-memory store behaves the same way).
 */
export class IndexedKeyValueIterator implements KeyValueIterator<Buffer, Buffer> {
  private readonly keys: string[] = [];
  private pos = 0;
  private last: string | null = null;
  private more = true;
  private pending: KeyValue<Buffer, Buffer> | null = null;
  private closed = false;

  constructor(
    private readonly source: IndexedSource,
    private readonly bounds: KeyBounds,
    private readonly reverse: boolean,
  ) {
    // An inverted range is empty (Java logs a warning and returns an empty iterator).
    if (bounds.lower !== null && bounds.upper !== null && bounds.lower > bounds.upper) this.more = false;
  }

  hasNext(): boolean {
    this.checkOpen();
    if (this.pending === null) this.pending = this.advance();
    return this.pending !== null;
  }

  next(): KeyValue<Buffer, Buffer> {
    if (!this.hasNext()) throw new ProcessorStateError(`Iterator of store ${this.source.name} has no more entries.`);
    const entry = this.pending!;
    this.pending = null;
    return entry;
  }

  peekNextKey(): Buffer {
    if (!this.hasNext()) throw new ProcessorStateError(`Iterator of store ${this.source.name} has no more entries.`);
    return this.pending!.key;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = null;
    this.source.iteratorClosed(this);
  }

  [Symbol.iterator](): Iterator<KeyValue<Buffer, Buffer>> {
    return iterate(this);
  }

  private advance(): KeyValue<Buffer, Buffer> | null {
    for (;;) {
      if (this.pos >= this.keys.length) {
        if (!this.more) return null;
        this.keys.length = 0;
        this.pos = 0;
        this.more = this.reverse
          ? this.source.index.descending(this.keys, this.last, this.bounds, CHUNK)
          : this.source.index.ascending(this.keys, this.last, this.bounds, CHUNK);
        if (this.keys.length === 0) return null;
        this.last = this.keys[this.keys.length - 1]!;
      }
      const key = this.keys[this.pos++]!;
      const value = this.source.read(key);
      if (value !== undefined) return { key: keyBytes(key), value };
    }
  }

  private checkOpen(): void {
    if (this.closed) throw new ProcessorStateError(`Iterator of store ${this.source.name} is closed.`);
  }
}
