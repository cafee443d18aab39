import type { TaskId } from '../processor/task-id.js';
import type { Record } from '../processor/record.js';

/** What the production handler sees: a record that could not be serialized, or a failed send. */
export interface ProductionErrorContext {
  readonly taskId: TaskId | null;
  /** The sink that failed, or null for a failed send of a whole batch. */
  readonly sinkNode: string | null;
  /** The record that could not be serialized; null for a failed send. */
  readonly record: Record<unknown, unknown> | null;
  readonly error: unknown;
}

/**
 * Decides what happens when output cannot be produced: `'fail'` (default) stops the
 * client; `'continue'` drops the output (counted) and still commits the input; `'retry'`
 * (send failures only) closes the tasks dirty and reprocesses from the committed offsets.
 */
export type ProductionHandler = (context: ProductionErrorContext) => 'continue' | 'fail' | 'retry';
