// Kafka: SlidingWindows
import { durationMs, type DurationLike } from './duration-ms.js';

/**
 * Windows of a fixed time difference that slide with the records: each record creates the
 * window `[t - timeDifference, t]` (both ends inclusive) and, when it drops out of an earlier
 * record's window, the window `[t + 1, t + 1 + timeDifference]`. Only windows that contain
 * records exist, so results are emitted per distinct set of records rather than per clock
 * tick. A window closes when stream time passes `end + grace`.
 *
 * @example SlidingWindows.ofTimeDifferenceAndGrace(10_000, 2_000)
 */
export class SlidingWindows {
  private constructor(
    readonly timeDifferenceMs: number,
    readonly graceMs: number,
  ) {}

  /** Sliding windows of `timeDifference` that close as soon as stream time passes their end. */
  static ofTimeDifferenceWithNoGrace(timeDifference: DurationLike): SlidingWindows {
    return SlidingWindows.ofTimeDifferenceAndGrace(timeDifference, 0);
  }

  /** Sliding windows of `timeDifference` accepting records up to `afterWindowEnd` after their end. */
  static ofTimeDifferenceAndGrace(timeDifference: DurationLike, afterWindowEnd: DurationLike): SlidingWindows {
    return new SlidingWindows(durationMs(timeDifference, 'timeDifference'), durationMs(afterWindowEnd, 'afterWindowEnd'));
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  equals(other: unknown): boolean {
    return other instanceof SlidingWindows && other.timeDifferenceMs === this.timeDifferenceMs && other.graceMs === this.graceMs;
  }

  toString(): string {
    return `SlidingWindows{, sizeMs=${this.timeDifferenceMs}, graceMs=${this.graceMs}}`;
  }
}
