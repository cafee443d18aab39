// Java collection orderings that leak into Topology.describe() text. Kafka prints
// HashSets (topics, stores) and builds TreeSets whose comparator changes while elements
// are inserted; matching Java's text means reproducing both orders exactly.

/** Java's `String.hashCode()` (UTF-16 code units, 32-bit overflow). */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function tableSize(n: number, copied: boolean): number {
  if (copied) {
    const wanted = Math.max(Math.floor(n / 0.75) + 1, 16);
    let cap = 1;
    while (cap < wanted) cap *= 2;
    return cap;
  }
  let cap = 16;
  while (n > cap * 0.75) cap *= 2;
  return cap;
}

/**
 * The iteration order of a Java `HashSet<String>` / `HashMap<String, _>` holding `items`,
 * inserted in the given order. `copied` is true for `new HashSet<>(collection)`, which
 * sizes its table from the collection up front.
 */
export function javaHashOrder(items: readonly string[], copied = false): string[] {
  const cap = tableSize(items.length, copied);
  const bucket = (s: string): number => {
    const h = javaStringHash(s);
    return (h ^ (h >>> 16)) & (cap - 1);
  };
  return items
    .map((item, i) => ({ item, i, b: bucket(item) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((x) => x.item);
}

interface TreeEntry<T> {
  key: T;
  left: TreeEntry<T> | null;
  right: TreeEntry<T> | null;
  parent: TreeEntry<T> | null;
  black: boolean;
}

/**
 * Java's `TreeSet` (a red-black `TreeMap`), reproduced insertion for insertion so that the
 * iteration order is the same even when the comparator's answers change over time.
 */
export class JavaTreeSet<T> implements Iterable<T> {
  private root: TreeEntry<T> | null = null;
  private count = 0;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.count;
  }

  add(key: T): boolean {
    let t = this.root;
    if (t === null) {
      this.root = { key, left: null, right: null, parent: null, black: true };
      this.count = 1;
      return true;
    }
    let parent: TreeEntry<T>;
    let cmp: number;
    do {
      parent = t;
      cmp = this.compare(key, t.key);
      if (cmp < 0) t = t.left;
      else if (cmp > 0) t = t.right;
      else return false;
    } while (t !== null);
    const e: TreeEntry<T> = { key, left: null, right: null, parent, black: false };
    if (cmp < 0) parent.left = e;
    else parent.right = e;
    this.fixAfterInsertion(e);
    this.count++;
    return true;
  }

  *[Symbol.iterator](): Iterator<T> {
    const stack: TreeEntry<T>[] = [];
    let node = this.root;
    while (node !== null || stack.length) {
      while (node !== null) {
        stack.push(node);
        node = node.left;
      }
      node = stack.pop()!;
      yield node.key;
      node = node.right;
    }
  }

  private fixAfterInsertion(x: TreeEntry<T>): void {
    const isRed = (p: TreeEntry<T> | null) => p !== null && !p.black;
    const parentOf = (p: TreeEntry<T> | null) => (p === null ? null : p.parent);
    const leftOf = (p: TreeEntry<T> | null) => (p === null ? null : p.left);
    const rightOf = (p: TreeEntry<T> | null) => (p === null ? null : p.right);
    const setBlack = (p: TreeEntry<T> | null, black: boolean) => {
      if (p !== null) p.black = black;
    };
    let n: TreeEntry<T> | null = x;
    while (n !== null && n !== this.root && isRed(n.parent)) {
      if (parentOf(n) === leftOf(parentOf(parentOf(n)))) {
        const y = rightOf(parentOf(parentOf(n)));
        if (isRed(y)) {
          setBlack(parentOf(n), true);
          setBlack(y, true);
          setBlack(parentOf(parentOf(n)), false);
          n = parentOf(parentOf(n));
        } else {
          if (n === rightOf(parentOf(n))) {
            n = parentOf(n);
            this.rotateLeft(n);
          }
          setBlack(parentOf(n), true);
          setBlack(parentOf(parentOf(n)), false);
          this.rotateRight(parentOf(parentOf(n)));
        }
      } else {
        const y = leftOf(parentOf(parentOf(n)));
        if (isRed(y)) {
          setBlack(parentOf(n), true);
          setBlack(y, true);
          setBlack(parentOf(parentOf(n)), false);
          n = parentOf(parentOf(n));
        } else {
          if (n === leftOf(parentOf(n))) {
            n = parentOf(n);
            this.rotateRight(n);
          }
          setBlack(parentOf(n), true);
          setBlack(parentOf(parentOf(n)), false);
          this.rotateLeft(parentOf(parentOf(n)));
        }
      }
    }
    this.root!.black = true;
  }

  private rotateLeft(p: TreeEntry<T> | null): void {
    if (p === null) return;
    const r = p.right!;
    p.right = r.left;
    if (r.left !== null) r.left.parent = p;
    r.parent = p.parent;
    if (p.parent === null) this.root = r;
    else if (p.parent.left === p) p.parent.left = r;
    else p.parent.right = r;
    r.left = p;
    p.parent = r;
  }

  private rotateRight(p: TreeEntry<T> | null): void {
    if (p === null) return;
    const l = p.left!;
    p.left = l.right;
    if (l.right !== null) l.right.parent = p;
    l.parent = p.parent;
    if (p.parent === null) this.root = l;
    else if (p.parent.right === p) p.parent.right = l;
    else p.parent.left = l;
    l.right = p;
    p.parent = l;
  }
}
