// Kafka: KStreamImplJoin.TimeTracker / TimeTrackerSupplier
import type { TaskId } from '../../../task-id.js';

/**
 * Time shared by the two join processors of one stream-stream join in one task: the join's
 * stream time (the largest timestamp either side saw), the earliest parked record, and
 * when (wall clock) parked records may next be looked at.
 */
export class TimeTracker {
  emitIntervalMs = 1000;
  streamTime = -1;
  /** Earliest timestamp of a parked record; null when none is known (Kafka's Long.MAX_VALUE). */
  minTime: number | null = null;
  nextTimeToEmit = 0;

  advanceStreamTime(timestamp: number): void {
    if (timestamp > this.streamTime) this.streamTime = timestamp;
  }

  updateMinTime(timestamp: number): void {
    if (this.minTime === null || timestamp < this.minTime) this.minTime = timestamp;
  }
}

/** One tracker per task for the two processors of a join (Kafka: keyed by task id). */
export class TimeTrackers {
  private readonly byTask = new Map<string, TimeTracker>();

  get(taskId: TaskId): TimeTracker {
    const id = taskId.toString();
    let tracker = this.byTask.get(id);
    if (tracker === undefined) this.byTask.set(id, (tracker = new TimeTracker()));
    return tracker;
  }

  remove(taskId: TaskId): void {
    this.byTask.delete(taskId.toString());
  }
}
