// Helpers for integration tests against the real broker started by ./global-setup.ts.
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type ITopicConfig, type KafkaConfig } from 'kafkajs';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `127.0.0.1:<port>` of the broker for this test run. */
    kafkaBootstrap: string;
  }
}

/** The broker address for this run (vitest `inject`, else env `KAFKA_BOOTSTRAP`). */
export function kafkaBootstrap(): string {
  const bootstrap = inject('kafkaBootstrap') ?? process.env.KAFKA_BOOTSTRAP;
  if (!bootstrap) {
    throw new Error('no Kafka broker: run through vitest (test/integration/global-setup.ts) or set KAFKA_BOOTSTRAP');
  }
  return bootstrap;
}

/** A kafkajs client for the run's broker; errors only in the log. */
export function kafkaClient(config: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: 'kstreams-it',
    brokers: [kafkaBootstrap()],
    logLevel: logLevel.ERROR,
    ...config,
  });
}

/** A name no other test on the shared broker uses: `<prefix>-<random>`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** Creates topics (replication factor 1) and waits until every partition has a leader. */
export async function createTopics(topics: readonly ITopicConfig[]): Promise<void> {
  const admin = kafkaClient().admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: topics.map((t) => ({ replicationFactor: 1, ...t })),
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}
