/** An entry CLOCK can evict: `referenced` is set by every hit and cleared as the hand passes. */
export interface ClockEntry {
  referenced: boolean;
}

const ANY = (): boolean => true;

/**
 * CLOCK (second-chance) eviction over a Map: its insertion order is the clock, a hit only
 * sets the entry's `referenced` bit, and the hand gives each referenced entry a second
 * chance (clearing the bit) instead of evicting it. The hand is a live Map iterator kept
 * across calls (it survives deletes and inserts), so a search resumes where the last one
 * stopped instead of re-walking the front of the Map every time. Approximates LRU at one
 * Map lookup per hit (exact LRU would need a delete and an insert).
 */
export class ClockHand<V extends ClockEntry> {
  private hand: MapIterator<V> | null = null;

  constructor(private readonly entries: Map<unknown, V>) {}

  /**
   * The next entry `evictable` accepts that was not referenced since the hand last passed,
   * or null when two turns of the clock found none. The caller removes it from the Map.
   */
  next(evictable: (entry: V) => boolean = ANY): V | null {
    for (let visited = 0, limit = 2 * this.entries.size + 2; visited < limit; visited++) {
      this.hand ??= this.entries.values();
      const next = this.hand.next();
      if (next.done === true) {
        this.hand = null;
        continue;
      }
      const entry = next.value;
      if (!evictable(entry)) continue;
      if (!entry.referenced) return entry;
      entry.referenced = false;
    }
    return null;
  }

  /** Starts the next search at the front (the Map was cleared). */
  reset(): void {
    this.hand = null;
  }
}
