import type { ConsumedBytes } from '../runtime/task/consumed-record.js';
import type { TaskId } from '../processor/task-id.js';

/** What the deserialization handler sees: the raw record, the task and the error. */
export interface DeserializationErrorContext {
  readonly taskId: TaskId;
  readonly sourceNode: string;
  readonly record: ConsumedBytes;
  readonly error: unknown;
}

/**
 * Decides what happens to a record its deserializer rejects: `'fail'` stops the task with
 * an error naming topic, partition and offset; `'continue'` skips it (counted).
 */
export type DeserializationHandler = (context: DeserializationErrorContext) => 'continue' | 'fail';
