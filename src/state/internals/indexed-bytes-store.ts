import { ProcessorStateError } from '../../errors/processor-state-error.js';
import type { Serializer } from '../../serdes/serde.js';
import type { KeyValue } from '../key-value.js';
import type { KeyValueBytesStore } from '../key-value-bytes-store.js';
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { StateStore } from '../state-store.js';
import type { StateStoreContext } from '../state-store-context.js';
import { keyString, prefixUpperBound } from './byte-keys.js';
import { IndexedKeyValueIterator, type IndexedSource } from './indexed-key-value-iterator.js';
import { rangeBounds, SortedKeyIndex, type KeyBounds } from './sorted-key-index.js';

/**
 * What the in-memory and LevelDB backends share: point operations on string-form keys
 * (`byte-keys.ts`) and ordered iteration through a lazily built `SortedKeyIndex`.
 * Subclasses provide storage (`read`/`write`) and the key set.
 */
export abstract class IndexedBytesStore implements KeyValueBytesStore, IndexedSource {
  readonly index: SortedKeyIndex;
  private readonly iterators = new Set<IndexedKeyValueIterator>();
  protected open = false;

  constructor(readonly name: string) {
    this.index = new SortedKeyIndex(() => this.keys());
  }

  abstract init(context: StateStoreContext, root: StateStore): void | Promise<void>;
  abstract persistent(): boolean;
  abstract approximateNumEntries(): number;
  /** The current value of a string-form key, undefined when absent. */
  abstract read(key: string): Buffer | undefined;
  /** Stores `value` (null deletes), keeping `index` in step. */
  protected abstract write(key: string, value: Buffer | null): void;
  /** Every present key in string form, any order. */
  protected abstract keys(): Iterable<string>;
  /** Releases storage on close. */
  protected abstract release(): void;

  get(key: Buffer): Buffer | null {
    this.checkOpen();
    return this.read(keyString(key)) ?? null;
  }

  put(key: Buffer, value: Buffer | null): void {
    this.checkOpen();
    this.write(keyString(key), value);
  }

  putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    this.checkOpen();
    const k = keyString(key);
    const old = this.read(k);
    if (old === undefined) this.write(k, value);
    return old ?? null;
  }

  putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    this.checkOpen();
    for (const e of entries) this.write(keyString(e.key), e.value);
  }

  delete(key: Buffer): Buffer | null {
    this.checkOpen();
    const k = keyString(key);
    const old = this.read(k);
    if (old !== undefined) this.write(k, null);
    return old ?? null;
  }

  range(from: Buffer | null, to: Buffer | null): KeyValueIterator<Buffer, Buffer> {
    return this.iterator(rangeBounds(from, to), false);
  }

  reverseRange(from: Buffer | null, to: Buffer | null): KeyValueIterator<Buffer, Buffer> {
    return this.iterator(rangeBounds(from, to), true);
  }

  all(): KeyValueIterator<Buffer, Buffer> {
    return this.iterator(rangeBounds(null, null), false);
  }

  reverseAll(): KeyValueIterator<Buffer, Buffer> {
    return this.iterator(rangeBounds(null, null), true);
  }

  prefixScan<P>(prefix: P, prefixKeySerializer: Serializer<P>): KeyValueIterator<Buffer, Buffer> {
    // Java passes a null topic here; our Serializer type wants a string.
    const bytes = prefixKeySerializer.serialize('', prefix);
    if (bytes === null) throw new ProcessorStateError(`Store ${this.name}: the prefix serialized to null.`);
    const lower = keyString(bytes);
    return this.iterator({ lower, upper: prefixUpperBound(lower), upperInclusive: false }, false);
  }

  /** Writes happen at checkpoints (LevelDB) or never leave memory: nothing to do. */
  flush(): void {}

  close(): void {
    if (!this.open) return;
    for (const it of [...this.iterators]) it.close();
    this.open = false;
    this.index.reset();
    this.release();
  }

  isOpen(): boolean {
    return this.open;
  }

  /** Every present key in string form, any order (windowed stores index them by time at init). */
  keyStrings(): Iterable<string> {
    this.checkOpen();
    return this.keys();
  }

  iteratorClosed(iterator: IndexedKeyValueIterator): void {
    this.iterators.delete(iterator);
  }

  protected checkOpen(): void {
    if (!this.open) throw new ProcessorStateError(`Store ${this.name} is not open.`);
  }

  private iterator(b: KeyBounds, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    this.checkOpen();
    const it = new IndexedKeyValueIterator(this, b, reverse);
    this.iterators.add(it);
    return it;
  }
}
