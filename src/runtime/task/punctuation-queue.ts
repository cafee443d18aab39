// Kafka: PunctuationQueue + PunctuationSchedule
import type { Cancellable, Punctuator } from '../../processor/punctuation-type.js';

/** One scheduled punctuation of one processor node. */
export interface PunctuationSchedule extends Cancellable {
  readonly node: string;
  readonly interval: number;
  readonly punctuator: Punctuator;
  /** Next time (stream or wall clock) it fires. */
  time: number;
  cancelled: boolean;
}

/**
 * Punctuations of one type, fired in time order. A schedule fires once however many
 * intervals were missed, then realigns to its interval grid (as Kafka does).
 */
export class PunctuationQueue {
  private schedules: PunctuationSchedule[] = [];

  schedule(node: string, firstTime: number, interval: number, punctuator: Punctuator): PunctuationSchedule {
    const s: PunctuationSchedule = {
      node,
      interval,
      punctuator,
      time: firstTime,
      cancelled: false,
      cancel() {
        s.cancelled = true;
      },
    };
    this.schedules.push(s);
    return s;
  }

  /** Whether anything is due at `now` (cheap check for the hot path). */
  due(now: number): boolean {
    for (const s of this.schedules) if (!s.cancelled && s.time <= now) return true;
    return false;
  }

  /**
   * Fires every schedule due at `now`, earliest first; `fire` runs the punctuator (and may
   * return a Promise, awaited before the next one). Returns the number fired.
   */
  async punctuate(now: number, fire: (s: PunctuationSchedule, now: number) => void | Promise<void>): Promise<number> {
    let fired = 0;
    for (;;) {
      this.schedules = this.schedules.filter((s) => !s.cancelled);
      let next: PunctuationSchedule | null = null;
      for (const s of this.schedules) if (s.time <= now && (next === null || s.time < next.time)) next = s;
      if (next === null) return fired;
      const result = fire(next, now);
      if (result) await result;
      fired++;
      const following = next.time + next.interval;
      next.time = now >= following ? next.time + (Math.floor((now - next.time) / next.interval) + 1) * next.interval : following;
    }
  }
}
