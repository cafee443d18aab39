/** Per-task counters (Kafka's task-level metric names where one exists). */
export class TaskMetrics {
  processTotal = 0;
  punctuateTotal = 0;
  commitTotal = 0;
  /** Records skipped: deserialization errors under 'continue', invalid timestamps, handler 'continue'. */
  droppedRecordsTotal = 0;

  /** Adds another task's counters to these. */
  add(other: TaskMetrics): void {
    this.processTotal += other.processTotal;
    this.punctuateTotal += other.punctuateTotal;
    this.commitTotal += other.commitTotal;
    this.droppedRecordsTotal += other.droppedRecordsTotal;
  }
}
