import { Serdes } from '../../src/serdes/serdes.js';
import type { TopologyTestDriver } from '../../src/testing/index.js';

export { collect, driverFor, S, STRING_DEFAULTS } from '../dsl/driver-helpers.js';

/**
 * Pipes steps written as `topic key value @ts` (`-` for a null key or value), the format of
 * the Java reference runs (test/joins/java/Joins.java), so time is visible in the test.
 */
export async function pipe(driver: TopologyTestDriver, ...steps: string[]): Promise<void> {
  const S = Serdes.String();
  const inputs = new Map<string, ReturnType<TopologyTestDriver['createInputTopic']>>();
  for (const step of steps) {
    const [topic, key, value, at] = step.split(' ');
    if (topic === undefined || key === undefined || value === undefined || at === undefined || !at.startsWith('@')) throw new Error(`Bad step: "${step}"`);
    let input = inputs.get(topic);
    if (input === undefined) inputs.set(topic, (input = driver.createInputTopic(topic, S.serializer(), S.serializer())));
    await input.pipeInput(key === '-' ? null : key, value === '-' ? null : value, Number(at.slice(1)));
  }
}

/** Joins two values as the Java reference runs do: `a+b`, null printed as `null`. */
export const J = (a: string | null, b: string | null): string => `${a}+${b}`;
