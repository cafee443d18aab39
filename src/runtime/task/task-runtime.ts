import type { TaskId } from '../../processor/task-id.js';
import type { RecordContext } from '../../state/state-store-context.js';
import type { ResolvedStreamsConfig } from '../streams-config.js';
import type { RecordCollector } from './record-collector.js';
import type { TaskMetrics } from './task-metrics.js';
import type { ConsumedBytes } from './consumed-record.js';
import type { Record } from '../../processor/record.js';

/** What runtime nodes need from the task they run in. */
export interface TaskRuntime {
  readonly taskId: TaskId;
  readonly config: ResolvedStreamsConfig;
  readonly collector: RecordCollector;
  readonly metrics: TaskMetrics;
  /** The record being processed (or the punctuation / cache-flush context). */
  currentContext: RecordContext;
  /** Name of the node currently running user code (for error messages). */
  currentNode: string;
  /** Promises returned by async `process()` calls during the current record. */
  readonly pending: Promise<void>[];
  /** Stream time of the task. */
  streamTime(): number;
  /** Wall clock (mocked in the test driver). */
  wallClockMs(): number;
  requestCommit(): void;
  /** Writes a skipped input record to the dead-letter topic, when one is configured. */
  deadLetter(raw: ConsumedBytes, error: unknown): void;
  /** A sink could not serialize a record: the production handler decides (throws on 'fail'). */
  productionFailed(sinkNode: string, record: Record<unknown, unknown>, error: unknown): void;
}
