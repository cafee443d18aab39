// Shared by the engine's integration tests (test/integration/kafka-*.test.ts).
import { createKafkaClient, type KafkaClientOptions } from '../../src/runtime/kafka/kafka-client.js';
import { kafkaBootstrap } from './kafka.js';

export { uniqueName } from './kafka.js';

/** Client options for the run's broker. */
export function clientOptions(overrides: Partial<KafkaClientOptions> = {}): KafkaClientOptions {
  return { brokers: [kafkaBootstrap()], clientId: 'kstreams-test', ...overrides };
}

/** A kafkajs client built the way the engine builds it (quiet logs, bounded retries). */
export function testKafka(overrides: Partial<KafkaClientOptions> = {}): ReturnType<typeof createKafkaClient> {
  return createKafkaClient(clientOptions(overrides));
}
