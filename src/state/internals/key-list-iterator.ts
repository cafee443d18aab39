import { ProcessorStateError } from '../../errors/processor-state-error.js';
import type { KeyValue } from '../key-value.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import { iterate } from './iterate.js';
import { keyBytes } from './byte-keys.js';

/**
 * Iterates a fixed list of string-form keys, reading each value when reached (a key deleted
 * meanwhile is skipped).
 */
export class KeyListIterator implements KeyValueIterator<Buffer, Buffer> {
  private pos = 0;
  private pending: KeyValue<Buffer, Buffer> | null = null;
  private closed = false;

  constructor(
    private readonly storeName: string,
    private readonly keys: readonly string[],
    private readonly read: (key: string) => Buffer | null,
  ) {}

  hasNext(): boolean {
    if (this.closed) throw new ProcessorStateError(`Iterator of store ${this.storeName} is closed.`);
    while (this.pending === null && this.pos < this.keys.length) {
      const key = this.keys[this.pos++]!;
      const value = this.read(key);
      if (value !== null) this.pending = { key: keyBytes(key), value };
    }
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
    this.closed = true;
    this.pending = null;
  }

  [Symbol.iterator](): Iterator<KeyValue<Buffer, Buffer>> {
    return iterate(this);
  }
}
