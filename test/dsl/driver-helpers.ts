import { afterEach } from 'vitest';
import { Serdes } from '../../src/serdes/serdes.js';
import type { Deserializer } from '../../src/serdes/serde.js';
import type { Topology } from '../../src/topology/topology.js';
import { TopologyTestDriver, type TestDriverConfig } from '../../src/testing/index.js';
import type { BuildConfig } from '../../src/dsl/index.js';

export const S = Serdes.String();
export const L = Serdes.Long();
/** Build config with String default serdes (as the Java reference programs use). */
export const STRING_DEFAULTS: BuildConfig = { defaultKeySerde: S, defaultValueSerde: S };

const open: TopologyTestDriver[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

/** A driver closed after the test. */
export function driverFor(topology: Topology, config: TestDriverConfig = {}): TopologyTestDriver {
  const driver = new TopologyTestDriver(topology, { applicationId: 'app', initialWallClockTimeMs: 0, ...config });
  open.push(driver);
  return driver;
}

/**
 * Starts collecting `topic` (the driver keeps output only for topics created before piping);
 * the returned function reads what arrived since as `key value @ts` lines, the format the
 * Java reference runs print.
 */
export function collect<K = string, V = string>(
  driver: TopologyTestDriver,
  topic: string,
  valueDe: Deserializer<V> = S.deserializer() as unknown as Deserializer<V>,
  keyDe: Deserializer<K> = S.deserializer() as unknown as Deserializer<K>,
): () => string[] {
  const out = driver.createOutputTopic(topic, keyDe, valueDe);
  return () => out.readRecordsToList().map((r) => `${String(r.key)} ${String(r.value)} @${r.timestamp}`);
}
