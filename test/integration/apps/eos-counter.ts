// A counting app for the crash tests, run as a child process with `kstreams run`:
// counts records per key in a LevelDB store and forwards every new count.
// Env: INPUT_TOPIC, OUTPUT_TOPIC; the rest of the config comes from KSTREAMS_* variables.
import { Topology } from '../../../src/topology/topology.js';
import { Serdes } from '../../../src/serdes/serdes.js';
import { Stores } from '../../../src/state/stores.js';
import type { ProcessorContext } from '../../../src/processor/processor-context.js';
import type { Record } from '../../../src/processor/record.js';
import type { KeyValueStore } from '../../../src/state/key-value-store.js';
import type { StreamsConfig } from '../../../src/runtime/streams-config.js';

const S = Serdes.String();
const L = Serdes.Long();

export const config: Partial<StreamsConfig> = { applicationId: 'eos-counter' };

export function buildTopology(): Topology {
  const input = process.env.INPUT_TOPIC!;
  const output = process.env.OUTPUT_TOPIC!;
  return new Topology()
    .addSource('src', S.deserializer(), S.deserializer(), input)
    .addProcessor('count', () => {
      let store: KeyValueStore<string, number>;
      let ctx: ProcessorContext<string, number>;
      return {
        init(c: ProcessorContext<string, number>) {
          ctx = c;
          store = c.getStateStore('counts');
        },
        process(r: Record<string, string>) {
          const n = (store.get(r.key) ?? 0) + 1;
          store.put(r.key, n);
          ctx.forward(r.withValue(n));
        },
      };
    }, 'src')
    .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('counts'), S, L), 'count')
    .addSink('sink', output, S.serializer(), L.serializer(), 'count');
}
