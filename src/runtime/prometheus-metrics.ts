/** The counters `KafkaStreams.metrics()` reports. */
export interface ClientCounters {
  readonly processTotal: number;
  readonly punctuateTotal: number;
  readonly commitTotal: number;
  readonly droppedRecordsTotal: number;
  readonly tasks: readonly string[];
}

/** `counters` in Prometheus's text format, labelled with the application id. */
export function prometheusText(applicationId: string, counters: ClientCounters): string {
  const app = `application_id="${applicationId}"`;
  const line = (name: string, help: string, value: number, type = 'counter'): string =>
    `# HELP kstreams_${name} ${help}\n# TYPE kstreams_${name} ${type}\nkstreams_${name}{${app}} ${value}\n`;
  return (
    line('process_total', 'Records processed.', counters.processTotal) +
    line('punctuate_total', 'Punctuations fired.', counters.punctuateTotal) +
    line('commit_total', 'Task commits.', counters.commitTotal) +
    line('dropped_records_total', 'Records skipped (invalid timestamps, handler continue).', counters.droppedRecordsTotal) +
    line('active_tasks', 'Tasks running in this process.', counters.tasks.length, 'gauge')
  );
}
