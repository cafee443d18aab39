import { debuglog } from 'node:util';

/** What a runtime context offers to count dropped records (the task-level `dropped-records` metric). */
interface DroppedRecordsSensor {
  recordDropped(): void;
}

/**
 * Debug log of the builtin processors (`NODE_DEBUG=kstreams`): Kafka logs skipped records
 * at WARN; here they are counted in the task's dropped-records metric and logged on demand.
 */
export const debug = debuglog('kstreams');

/** Counts one dropped record in the task's metrics (a no-op under contexts without metrics). */
export function recordDropped(context: object): void {
  (context as Partial<DroppedRecordsSensor>).recordDropped?.();
}
