import { StreamsError } from './streams-error.js';
import type { TaskId } from '../processor/task-id.js';

/** Where in the input a runtime error happened. */
export interface RecordCoordinates {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
}

/**
 * A failure while a task processed a record or punctuated: carries the task id and the
 * record's coordinates; the user's exception is `cause`.
 */
export class TaskError extends StreamsError {
  constructor(
    message: string,
    readonly taskId: TaskId | undefined,
    readonly record: RecordCoordinates | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
