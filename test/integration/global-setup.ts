// Vitest global setup: one Kafka broker for the whole run. Reuses `KAFKA_BOOTSTRAP` when set
// (CI starts its own broker); otherwise starts one with the harness and stops it at teardown.
// Tests read the address with `kafkaBootstrap()` from ./kafka.ts.
import type { TestProject } from 'vitest/node';
import { startBroker } from '../../scripts/kafka/local-broker.js';
import type {} from './kafka.js'; // the ProvidedContext augmentation

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const existing = process.env.KAFKA_BOOTSTRAP;
  if (existing) {
    project.provide('kafkaBootstrap', existing);
    return async () => {};
  }
  const started = Date.now();
  const broker = await startBroker();
  process.stderr.write(
    `[kafka] broker ${broker.pid} on ${broker.bootstrap} ready in ${Date.now() - started} ms (log: ${broker.logFile})\n`,
  );
  process.env.KAFKA_BOOTSTRAP = broker.bootstrap;
  project.provide('kafkaBootstrap', broker.bootstrap);
  return async () => {
    delete process.env.KAFKA_BOOTSTRAP;
    await broker.stop();
  };
}
