import type { Record } from '../processor/record.js';
import type { TaskId } from '../processor/task-id.js';
import type { RecordMetadata } from '../processor/record-metadata.js';

/** What the processing handler sees; `record` is null for a punctuator. */
export interface ProcessingErrorContext {
  readonly taskId: TaskId;
  readonly processorNode: string;
  readonly record: Record<unknown, unknown> | null;
  readonly recordMetadata: RecordMetadata | null;
  readonly error: unknown;
}

/**
 * Decides what happens when user code throws in `process()` or a punctuator: `'fail'`
 * stops the task; `'continue'` drops the record (counted) and goes on (KIP-1033).
 */
export type ProcessingHandler = (context: ProcessingErrorContext) => 'continue' | 'fail';
