// A word-count application module for `kstreams run` (test/integration/runtime-processes.test.ts,
// runtime-runner.test.ts). Topics come from WC_INPUT / WC_OUTPUT; everything else from
// KSTREAMS_* variables (applicationId, bootstrapServers, stateDir, ...).
import type { StreamsConfig } from '../../../src/runtime/streams-config.js';
import { wordCountTopology } from './topologies.js';

export function buildTopology() {
  const input = process.env.WC_INPUT;
  const output = process.env.WC_OUTPUT;
  if (!input || !output) throw new Error('word-count-app needs WC_INPUT and WC_OUTPUT');
  return wordCountTopology(input, output);
}

export const config: Partial<StreamsConfig> = {
  applicationId: 'wc-app',
  commitIntervalMs: 200,
  // Rebalances in seconds, not the defaults' tens of seconds.
  sessionTimeoutMs: 10_000,
  heartbeatIntervalMs: 500,
};
