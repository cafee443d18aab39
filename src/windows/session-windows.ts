// Kafka: SessionWindows
import { StreamsError } from '../errors/streams-error.js';
import { durationMs, type DurationLike } from './duration-ms.js';

/**
 * Sessions of activity per key: a record at `t` opens `[t, t]`, and sessions of the key
 * that come within `inactivityGap` of each other are merged. A session accepts records until
 * stream time passes `end + gap + grace`.
 *
 * @example SessionWindows.ofInactivityGapWithNoGrace(Duration.fromObject({ minutes: 5 }))
 */
export class SessionWindows {
  private constructor(
    readonly gapMs: number,
    readonly graceMs: number,
  ) {
    if (gapMs <= 0) throw new StreamsError('Gap time cannot be zero or negative.');
  }

  /** Sessions split by `inactivityGap`, closed as soon as stream time passes `end + gap`. */
  static ofInactivityGapWithNoGrace(inactivityGap: DurationLike): SessionWindows {
    return SessionWindows.ofInactivityGapAndGrace(inactivityGap, 0);
  }

  /** Sessions split by `inactivityGap`, accepting records up to `afterWindowEnd` later. */
  static ofInactivityGapAndGrace(inactivityGap: DurationLike, afterWindowEnd: DurationLike): SessionWindows {
    return new SessionWindows(durationMs(inactivityGap, 'inactivityGap'), durationMs(afterWindowEnd, 'afterWindowEnd'));
  }

  inactivityGap(): number {
    return this.gapMs;
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  equals(other: unknown): boolean {
    return other instanceof SessionWindows && other.gapMs === this.gapMs && other.graceMs === this.graceMs;
  }

  toString(): string {
    return `SessionWindows{gapMs=${this.gapMs}, graceMs=${this.graceMs}}`;
  }
}
