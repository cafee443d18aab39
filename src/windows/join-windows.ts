// Kafka: JoinWindows (+ JoinWindowsInternal)
import { Duration } from 'luxon';
import { StreamsError } from '../errors/streams-error.js';
import { durationMs, type DurationLike } from './duration-ms.js';

/** Whole milliseconds, which may be negative (`before`/`after` may shift the window past the record). */
function signedMs(d: DurationLike, what: string): number {
  const ms = Duration.isDuration(d) ? d.toMillis() : d;
  if (typeof ms !== 'number' || !Number.isInteger(ms)) throw new StreamsError(`${what} must be a whole number of milliseconds or a luxon Duration (got ${String(d)}).`);
  return ms;
}

/**
 * The window of a stream-stream join: a record at `t` joins the other stream's records with
 * the same key and a timestamp in `[t - before, t + after]` (the other side's records use the
 * mirror range). Records are kept `before + after + grace`; a left/outer join emits a record
 * without a partner once stream time passes its window end plus the grace period.
 *
 * @example JoinWindows.ofTimeDifferenceAndGrace(Duration.fromObject({ minutes: 5 }), 30_000)
 */
export class JoinWindows {
  private constructor(
    /** How far before a record the other side's records join it (ms). */
    readonly beforeMs: number,
    /** How far after a record the other side's records join it (ms). */
    readonly afterMs: number,
    private readonly graceMs: number,
  ) {
    if (beforeMs + afterMs < 0) throw new StreamsError('Window interval (ie, beforeMs+afterMs) must not be negative.');
  }

  /** Records join when at most `timeDifference` apart; unmatched ones are emitted when the window closes. */
  static ofTimeDifferenceWithNoGrace(timeDifference: DurationLike): JoinWindows {
    return JoinWindows.ofTimeDifferenceAndGrace(timeDifference, 0);
  }

  /** Like `ofTimeDifferenceWithNoGrace`, accepting out-of-order records up to `afterWindowEnd` late. */
  static ofTimeDifferenceAndGrace(timeDifference: DurationLike, afterWindowEnd: DurationLike): JoinWindows {
    const ms = durationMs(timeDifference, 'timeDifference');
    return new JoinWindows(ms, ms, durationMs(afterWindowEnd, 'afterWindowEnd'));
  }

  /** Changes how far before a record the window starts (may be negative: then it starts after it). */
  before(timeDifference: DurationLike): JoinWindows {
    return new JoinWindows(signedMs(timeDifference, 'timeDifference'), this.afterMs, this.graceMs);
  }

  /** Changes how far after a record the window ends (may be negative: then it ends before it). */
  after(timeDifference: DurationLike): JoinWindows {
    return new JoinWindows(this.beforeMs, signedMs(timeDifference, 'timeDifference'), this.graceMs);
  }

  /** `before + after`: the window store's window size. */
  size(): number {
    return this.beforeMs + this.afterMs;
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  equals(other: unknown): boolean {
    return other instanceof JoinWindows && other.beforeMs === this.beforeMs && other.afterMs === this.afterMs && other.graceMs === this.graceMs;
  }

  toString(): string {
    return `JoinWindows{beforeMs=${this.beforeMs}, afterMs=${this.afterMs}, graceMs=${this.graceMs}}`;
  }
}
