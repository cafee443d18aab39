import { debuglog } from 'node:util';
import type { BaseProcessorContext } from '../processor-context.js';

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

/**
 * Logs and counts a record dropped because its window had closed. `window` is the window as
 * printed, with its end inclusive (`[start,end]`) or exclusive (`[start,end)`).
 */
export function recordExpired(context: BaseProcessorContext, timestamp: number, window: string, closeTime: number, streamTime: number): void {
  const m = context.recordMetadata();
  debug(
    `Skipping record for expired window. topic=[${m?.topic}] partition=[${m?.partition}] offset=[${m?.offset}] ` +
      `timestamp=[${timestamp}] window=${window} expiration=[${closeTime}] streamTime=[${streamTime}]`,
  );
  recordDropped(context);
}
