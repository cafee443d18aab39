import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two projects: unit tests run without a broker; integration tests (test/integration) share one
// real Kafka broker started by the global setup (or the one named by KAFKA_BOOTSTRAP). A run that
// selects no integration test starts no broker.
export default defineConfig({
  // Examples and tests may import the package by name, as users do.
  resolve: {
    alias: [
      { find: /^kstreams\/testing$/, replacement: fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) },
      { find: /^kstreams$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/integration/**'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: ['test/integration/global-setup.ts'] },
      },
    ],
  },
});
