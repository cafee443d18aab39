/**
 * The keys of a windowed store grouped by time (window start / session end), times kept
 * sorted: what retention (drop everything older than a time) and time-ordered reads need.
 * Times usually arrive in increasing order, so inserting is a push and expiring moves a head
 * index; the array is compacted once half of it is expired.
 */
export class TimeIndex {
  private readonly buckets = new Map<number, Set<string>>();
  private times: number[] = [];
  private head = 0;

  /** The smallest time with keys, or +Infinity. */
  get minTime(): number {
    return this.head < this.times.length ? this.times[this.head]! : Number.POSITIVE_INFINITY;
  }

  /** The largest time with keys, or -Infinity. */
  get maxTime(): number {
    return this.head < this.times.length ? this.times[this.times.length - 1]! : Number.NEGATIVE_INFINITY;
  }

  add(time: number, key: string): void {
    let bucket = this.buckets.get(time);
    if (bucket === undefined) {
      this.buckets.set(time, (bucket = new Set()));
      const times = this.times;
      if (this.head === times.length || time > times[times.length - 1]!) times.push(time);
      else times.splice(this.lowerBound(time), 0, time);
    }
    bucket.add(key);
  }

  remove(time: number, key: string): void {
    const bucket = this.buckets.get(time);
    if (bucket === undefined || !bucket.delete(key) || bucket.size > 0) return;
    this.buckets.delete(time);
    const i = this.lowerBound(time);
    if (i === this.head) this.advanceHead();
    else this.times.splice(i, 1);
  }

  /** Keys with a time in `[from, to]`, ordered by time, within a time by `compare`. */
  keysBetween(from: number, to: number, compare: (a: string, b: string) => number, reverse: boolean): string[] {
    const out: string[] = [];
    const times = this.times;
    for (let i = this.lowerBound(from); i < times.length && times[i]! <= to; i++) {
      const bucket = this.buckets.get(times[i]!)!;
      if (bucket.size === 1) {
        for (const key of bucket) out.push(key);
      } else {
        out.push(...[...bucket].sort(compare));
      }
    }
    return reverse ? out.reverse() : out;
  }

  /** Removes every key with a time before `minLive`, calling `drop` for each. */
  expireBefore(minLive: number, drop: (key: string) => void): void {
    while (this.head < this.times.length && this.times[this.head]! < minLive) {
      const time = this.times[this.head]!;
      const bucket = this.buckets.get(time)!;
      this.buckets.delete(time);
      this.advanceHead();
      for (const key of bucket) drop(key);
    }
  }

  clear(): void {
    this.buckets.clear();
    this.times = [];
    this.head = 0;
  }

  private advanceHead(): void {
    this.head++;
    if (this.head === this.times.length) {
      this.times = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  /** Index of the first live time >= `time`. */
  private lowerBound(time: number): number {
    let lo = this.head;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid]! < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
