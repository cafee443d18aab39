import { StreamsError } from './streams-error.js';

/** A value could not be serialized (wrong type, out of range, or a user serializer threw). */
export class SerializationError extends StreamsError {}
