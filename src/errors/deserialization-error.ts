import { TaskError } from './task-error.js';

/** A record's key or value could not be deserialized and the handler said `'fail'`. */
export class DeserializationError extends TaskError {}
