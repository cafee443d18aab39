/**
 * What drives a punctuator: the task's stream time (advanced only by input records) or
 * the wall clock.
 */
export enum PunctuationType {
  STREAM_TIME = 'STREAM_TIME',
  WALL_CLOCK_TIME = 'WALL_CLOCK_TIME',
}

/** A scheduled callback; receives the stream time or wall-clock time it fires for. */
export type Punctuator = (timestamp: number) => void | Promise<void>;

/** Returned by `schedule()`: cancel the punctuation. */
export interface Cancellable {
  cancel(): void;
}
