import { Duration } from 'luxon';
import { StreamsError } from '../errors/streams-error.js';

/** A duration as the window APIs accept it: milliseconds or a luxon `Duration`. */
export type DurationLike = number | Duration;

/**
 * Milliseconds of a `DurationLike` (Java's `ApiUtils.validateMillisecondDuration`): a finite,
 * non-negative whole number of milliseconds. `what` names the argument in the error.
 */
export function durationMs(duration: DurationLike, what: string): number {
  const ms = Duration.isDuration(duration) ? duration.toMillis() : duration;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || !Number.isInteger(ms)) {
    throw new StreamsError(`${what} must be a non-negative whole number of milliseconds or a luxon Duration (got ${String(duration)}).`);
  }
  return ms;
}
