import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One real Kafka broker per run (or the one named by KAFKA_BOOTSTRAP).
    globalSetup: ['test/integration/global-setup.ts'],
  },
});
