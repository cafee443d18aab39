import { StreamsError } from './streams-error.js';

/** A state store was used wrongly: not connected to the processor, closed, or not found. */
export class ProcessorStateError extends StreamsError {}
