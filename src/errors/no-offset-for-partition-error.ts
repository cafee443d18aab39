import { StreamsError } from './streams-error.js';

/** A source with `AutoOffsetReset.none()` was assigned a partition the application has no committed offset for (Java's `NoOffsetForPartitionException`). */
export class NoOffsetForPartitionError extends StreamsError {}
