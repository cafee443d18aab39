import { Consumed, Grouped, Produced, StreamBuilder, type KGroupedStream, type KTable } from '../../../src/dsl/index.js';
import { KeyValue } from '../../../src/state/key-value.js';
import type { Topology } from '../../../src/topology/topology.js';
import type { Windowed } from '../../../src/windows/windowed.js';
import type { TopologyTestDriver } from '../../../src/testing/index.js';
import { collect, driverFor, S, STRING_DEFAULTS } from '../driver-helpers.js';

/** A windowed program: the grouped input stream `in` (String keys and values) -> a table written to `out`. */
export type WindowedProgram = (grouped: KGroupedStream<string, string>, builder: StreamBuilder) => KTable<Windowed<string>, unknown>;

/** Writes a windowed table to `out` as Java's reference run prints it: `[key@start/end]` and the value as text. */
export function toOut(table: KTable<Windowed<string>, unknown>): void {
  table
    .toStream()
    .map((k, v) => KeyValue.pair(k.toString(), v === null ? 'null' : String(v)))
    .to('out', Produced.with(S, S));
}

/** Builds `stream('in').groupByKey() -> program -> out`. */
export function windowedTopology(program: WindowedProgram): Topology {
  const builder = new StreamBuilder();
  const grouped = builder.stream('in', Consumed.with(S, S)).groupByKey(Grouped.with(S, S));
  toOut(program(grouped, builder));
  return builder.build(STRING_DEFAULTS);
}

/** A driver over `topology` (caching on or off, emit-on-close checks on every record) with `pipe` and `out`. */
export function windowedDriver(topology: Topology, cache = true): { driver: TopologyTestDriver; pipe(records: string): Promise<void>; out(): string[] } {
  const driver = driverFor(topology, {
    defaultKeySerde: S,
    defaultValueSerde: S,
    emitIntervalMsKstreamsWindowedAggregation: 0,
    ...(cache ? {} : { cacheMaxBytes: 0 }),
  });
  const input = driver.createInputTopic('in', S.serializer(), S.serializer());
  const out = collect(driver, 'out');
  return {
    driver,
    /** Pipes `key@timestamp` records (the value is the key), e.g. `'a@0 b@5 a@12'`. */
    async pipe(records: string) {
      for (const r of records.trim().split(/\s+/)) {
        const [key, at] = r.split('@');
        await input.pipeInput(key!, key!, Number(at));
      }
    },
    out,
  };
}
