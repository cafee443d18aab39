import { OrderedMap } from '@js-sdsl/ordered-map';

/** Which string-form keys a range covers. Null bounds are open. */
export interface KeyBounds {
  /** Inclusive lower bound. */
  readonly lower: string | null;
  readonly upper: string | null;
  readonly upperInclusive: boolean;
}

/** Bounds of `range(from, to)`: both inclusive, null = open. Keys in string form (`byte-keys.ts`). */
export function rangeBounds(from: Buffer | null, to: Buffer | null): KeyBounds {
  return { lower: from === null ? null : from.toString('latin1'), upper: to === null ? null : to.toString('latin1'), upperInclusive: true };
}

/**
 * A sorted view of a store's string-form keys (see `byte-keys.ts`), built on first use.
 * The owning store tracks membership itself (a Map or Set) and reports changes with
 * `added`/`removed`; until a range query needs order, the tree does not exist, so stores
 * that only see point reads and writes never pay for sorting.
 *
 * Iteration is by chunks that re-seek from the last key returned, so a store may be
 * written while one of its iterators is open (tree iterators would be invalidated).
 */
export class SortedKeyIndex {
  private tree: OrderedMap<string, undefined> | null = null;

  constructor(private readonly allKeys: () => Iterable<string>) {}

  /** `key` was absent and is now present. */
  added(key: string): void {
    this.tree?.setElement(key, undefined);
  }

  /** `key` was present and is now absent. */
  removed(key: string): void {
    this.tree?.eraseElementByKey(key);
  }

  /** Drops the sorted view (it is rebuilt from `allKeys` on next use). */
  reset(): void {
    this.tree = null;
  }

  /**
   * Appends up to `max` keys within `bounds` to `out` in ascending order, starting after
   * `after` (or at the lower bound). Returns false when the range is exhausted.
   */
  ascending(out: string[], after: string | null, bounds: KeyBounds, max: number): boolean {
    const tree = this.sorted();
    const it = after !== null ? tree.upperBound(after) : bounds.lower !== null ? tree.lowerBound(bounds.lower) : tree.begin();
    const { upper, upperInclusive } = bounds;
    while (it.isAccessible()) {
      const key = it.pointer[0];
      if (upper !== null && (upperInclusive ? key > upper : key >= upper)) return false;
      if (out.length >= max) return true;
      out.push(key);
      it.next();
    }
    return false;
  }

  /** Like `ascending`, in descending order, starting before `before` (or at the upper bound). */
  descending(out: string[], before: string | null, bounds: KeyBounds, max: number): boolean {
    const tree = this.sorted();
    if (tree.size() === 0) return false;
    const it =
      before !== null
        ? tree.reverseUpperBound(before)
        : bounds.upper === null
          ? tree.reverseLowerBound(tree.back()![0])
          : bounds.upperInclusive
            ? tree.reverseLowerBound(bounds.upper)
            : tree.reverseUpperBound(bounds.upper);
    const first = tree.begin();
    const lower = bounds.lower;
    while (it.isAccessible()) {
      const key = it.pointer[0];
      if (lower !== null && key < lower) return false;
      if (out.length >= max) return true;
      out.push(key);
      // js-sdsl throws when stepping before the first element.
      if (it.equals(first)) return false;
      it.pre();
    }
    return false;
  }

  private sorted(): OrderedMap<string, undefined> {
    if (this.tree === null) {
      const keys = Array.from(this.allKeys()).sort();
      const tree = new OrderedMap<string, undefined>();
      for (const key of keys) tree.setElement(key, undefined);
      this.tree = tree;
    }
    return this.tree;
  }
}
