import { describe, expect, it } from 'vitest';
import { prometheusText } from '../../src/runtime/prometheus-metrics.js';

describe('prometheusText', () => {
  it('renders the counters and the active-task gauge, labelled with the application id', () => {
    const text = prometheusText('wc', { processTotal: 7, punctuateTotal: 1, commitTotal: 3, droppedRecordsTotal: 0, tasks: ['0_0', '1_0'] });
    expect(text).toContain('# TYPE kstreams_process_total counter\nkstreams_process_total{application_id="wc"} 7\n');
    expect(text).toContain('# TYPE kstreams_active_tasks gauge\nkstreams_active_tasks{application_id="wc"} 2\n');
    expect(text.match(/^kstreams_/gm)).toHaveLength(5);
  });
});
