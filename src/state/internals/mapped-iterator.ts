import { ProcessorStateError } from '../../errors/processor-state-error.js';
import type { KeyValue } from '../key-value.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import { iterate } from './iterate.js';

/**
 * Maps the entries of a bytes iterator, skipping those the mapper rejects (returns null):
 * how windowed stores turn composite-key ranges into typed windows, dropping entries of
 * other keys or outside the time bounds.
 */
export class MappedIterator<K, V> implements KeyValueIterator<K, V> {
  private pending: KeyValue<K, V> | null = null;
  private closed = false;

  constructor(
    private readonly storeName: string,
    private readonly inner: KeyValueIterator<Buffer, Buffer>,
    private readonly map: (key: Buffer, value: Buffer) => KeyValue<K, V> | null,
  ) {}

  hasNext(): boolean {
    if (this.closed) throw new ProcessorStateError(`Iterator of store ${this.storeName} is closed.`);
    while (this.pending === null && this.inner.hasNext()) {
      const { key, value } = this.inner.next();
      this.pending = this.map(key, value);
    }
    return this.pending !== null;
  }

  next(): KeyValue<K, V> {
    if (!this.hasNext()) throw new ProcessorStateError(`Iterator of store ${this.storeName} has no more entries.`);
    const entry = this.pending!;
    this.pending = null;
    return entry;
  }

  peekNextKey(): K {
    if (!this.hasNext()) throw new ProcessorStateError(`Iterator of store ${this.storeName} has no more entries.`);
    return this.pending!.key;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = null;
    this.inner.close();
  }

  [Symbol.iterator](): Iterator<KeyValue<K, V>> {
    return iterate(this);
  }
}

/** An iterator with nothing in it. */
export function emptyIterator<K, V>(): KeyValueIterator<K, V> {
  const it: KeyValueIterator<K, V> = {
    hasNext: () => false,
    next: () => {
      throw new ProcessorStateError('Iterator has no more entries.');
    },
    peekNextKey: () => {
      throw new ProcessorStateError('Iterator has no more entries.');
    },
    close: () => undefined,
    [Symbol.iterator]: () => iterate(it),
  };
  return it;
}
