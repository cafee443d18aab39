// Kafka: TimeWindows
import { StreamsError } from '../errors/streams-error.js';
import { durationMs, type DurationLike } from './duration-ms.js';
import { TimeWindow } from './window.js';

/**
 * Fixed-size windows aligned to the epoch: tumbling (`advance = size`, the default) or
 * hopping (`advanceBy(advance)`, windows overlap). A window is `[start, start + size)`; a
 * record at `t` falls into every window with `start <= t < start + size`. A window accepts
 * records until stream time passes `end + grace`; later records are dropped (and counted).
 *
 * @example TimeWindows.ofSizeAndGrace(Duration.fromObject({ minutes: 1 }), 10_000) // per minute, 10 s grace
 * @example TimeWindows.ofSizeWithNoGrace(300_000).advanceBy(60_000) // 5-minute windows every minute
 */
export class TimeWindows {
  private constructor(
    /** Window length in ms. */
    readonly sizeMs: number,
    /** Distance between window starts in ms (equals `sizeMs` for tumbling windows). */
    readonly advanceMs: number,
    /** How long after its end a window still accepts out-of-order records. */
    readonly graceMs: number,
  ) {
    if (sizeMs <= 0) throw new StreamsError('Window size (sizeMs) must be larger than zero.');
    if (advanceMs <= 0 || advanceMs > sizeMs) {
      throw new StreamsError(
        `Window advancement interval should be more than zero and less than window duration which is ${sizeMs} ms, but given advancement interval is: ${advanceMs} ms`,
      );
    }
  }

  /** Tumbling windows of `size` that close as soon as stream time reaches their end. */
  static ofSizeWithNoGrace(size: DurationLike): TimeWindows {
    return TimeWindows.ofSizeAndGrace(size, 0);
  }

  /** Tumbling windows of `size` that accept records up to `afterWindowEnd` after their end. */
  static ofSizeAndGrace(size: DurationLike, afterWindowEnd: DurationLike): TimeWindows {
    const sizeMs = durationMs(size, 'size');
    return new TimeWindows(sizeMs, sizeMs, durationMs(afterWindowEnd, 'afterWindowEnd'));
  }

  /** Hopping windows: the same size and grace, a new window every `advance`. */
  advanceBy(advance: DurationLike): TimeWindows {
    return new TimeWindows(this.sizeMs, durationMs(advance, 'advance'), this.graceMs);
  }

  size(): number {
    return this.sizeMs;
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  /**
   * Start of the earliest window containing `timestamp`; the others follow every
   * `advanceMs` while `start <= timestamp` (allocation-free form of `windowsFor`).
   */
  firstWindowStart(timestamp: number): number {
    const advance = this.advanceMs;
    return Math.floor(Math.max(0, timestamp - this.sizeMs + advance) / advance) * advance;
  }

  /** The windows containing `timestamp`, by start time (Java's `windowsFor`). */
  windowsFor(timestamp: number): Map<number, TimeWindow> {
    const windows = new Map<number, TimeWindow>();
    for (let start = this.firstWindowStart(timestamp); start <= timestamp; start += this.advanceMs) {
      windows.set(start, new TimeWindow(start, start + this.sizeMs));
    }
    return windows;
  }

  equals(other: unknown): boolean {
    return other instanceof TimeWindows && other.sizeMs === this.sizeMs && other.advanceMs === this.advanceMs && other.graceMs === this.graceMs;
  }

  toString(): string {
    return `TimeWindows{, sizeMs=${this.sizeMs}, advanceMs=${this.advanceMs}, graceMs=${this.graceMs}}`;
  }
}
