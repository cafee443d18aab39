import { defineConfig } from 'vitest/config';

// Two projects: unit tests run without a broker; integration tests (test/integration) share one
// real Kafka broker started by the global setup (or the one named by KAFKA_BOOTSTRAP). A run that
// selects no integration test starts no broker.
export default defineConfig({
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
