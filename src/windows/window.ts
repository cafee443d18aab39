// Kafka: Window, TimeWindow, SessionWindow
import { StreamsError } from '../errors/streams-error.js';

/**
 * A time interval (epoch ms). What `end` means depends on the kind: a time window is
 * half-open `[start, end)`, a session window and a sliding window are closed `[start, end]`.
 */
export abstract class Window {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {
    if (!(start >= 0)) throw new StreamsError(`Window start cannot be negative (got ${start}).`);
    if (!(end >= start)) throw new StreamsError(`Window end (${end}) cannot be smaller than its start (${start}).`);
  }

  /** Whether this window and `other` (of the same kind) share a point in time. */
  abstract overlap(other: Window): boolean;

  /** Same kind, same bounds. */
  equals(other: unknown): boolean {
    return other instanceof Window && other.constructor === this.constructor && other.start === this.start && other.end === this.end;
  }

  toString(): string {
    return `Window{startMs=${this.start}, endMs=${this.end}}`;
  }
}

/** A window of `TimeWindows` (and of sliding windows in stores): `[start, end)`. */
export class TimeWindow extends Window {
  constructor(start: number, end: number) {
    super(start, end);
    if (end === start) throw new StreamsError(`A time window must not be empty (start = end = ${start}).`);
  }

  overlap(other: Window): boolean {
    return this.start < other.end && other.start < this.end;
  }
}

/** A session: `[start, end]`, both inclusive (a single record makes `[t, t]`). */
export class SessionWindow extends Window {
  overlap(other: Window): boolean {
    return !(other.end < this.start || this.end < other.start);
  }
}
