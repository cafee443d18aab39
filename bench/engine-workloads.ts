// Engine workloads (issue 2): the serde ceiling, a pass-through topology and a counting
// processor on LevelDB, all through the TopologyTestDriver.
import { Serdes } from '../src/serdes/serdes.js';
import { Topology } from '../src/topology/topology.js';
import type { Processor } from '../src/processor/processor.js';
import type { ProcessorContext } from '../src/processor/processor-context.js';
import type { Record } from '../src/processor/record.js';
import { TopologyTestDriver } from '../src/testing/topology-test-driver.js';
import type { TestInputTopic } from '../src/testing/test-input-topic.js';
import type { KeyValue } from '../src/state/key-value.js';
import type { Workload } from './harness.js';

const S = Serdes.String();
const N = 300_000;

function values(n: number): KeyValue<string, string>[] {
  const pad = 'x'.repeat(90);
  return Array.from({ length: n }, (_, i) => ({ key: `key-${i % 10_000}`, value: `${pad}${String(i).padStart(10, '0')}` }));
}

/** The ceiling: what serdes alone cost per record (serialize -> deserialize -> serialize). */
export function serdeLoop(): Workload {
  const data = values(N);
  const ser = S.serializer();
  const de = S.deserializer();
  let sink = 0;
  return {
    id: 'serde-loop',
    title: 'serialize -> deserialize -> serialize, 100-byte String values (ceiling)',
    unit: 'records',
    run() {
      for (const kv of data) {
        const k = ser.serialize('t', kv.key)!;
        const v = ser.serialize('t', kv.value)!;
        const dk = de.deserialize('t', k)!;
        const dv = de.deserialize('t', v)!;
        sink += ser.serialize('t', dk)!.length + ser.serialize('t', dv)!.length;
      }
      return sink > 0 ? data.length : 0;
    },
  };
}

/** source -> pass-through processor -> sink, String serdes, through the driver. */
export function passThrough(): Workload {
  const data = values(N);
  let driver: TopologyTestDriver;
  let input: TestInputTopic<string, string>;
  return {
    id: 'driver-pass-through',
    title: 'source -> processor -> sink through the driver',
    unit: 'records',
    target: '>= 600,000 and >= 70% of the ceiling',
    async setup() {
      const topology = new Topology()
        .addSource('src', S.deserializer(), S.deserializer(), 'in')
        .addProcessor('pass', () => {
          let ctx: ProcessorContext<string, string>;
          return { init: (c: ProcessorContext<string, string>) => void (ctx = c), process: (r: Record<string, string>) => ctx.forward(r) };
        }, 'src')
        .addSink('sink', 'out', S.serializer(), S.serializer(), 'pass');
      driver = new TopologyTestDriver(topology, { initialWallClockTimeMs: 0 });
      await driver.ready;
      input = driver.createInputTopic('in', S.serializer(), S.serializer(), 0, 1);
    },
    async run() {
      await input.pipeKeyValueList(data);
      return data.length;
    },
    teardown: () => driver.close(),
  };
}

/** A counting processor on a LevelDB key-value store, 10k keys. */
export function levelDbCount(stores: typeof import('../src/state/stores.js').Stores): Workload {
  const data = values(N);
  let driver: TopologyTestDriver;
  let input: TestInputTopic<string, string>;
  class Count implements Processor<string, string, string, number> {
    private store!: import('../src/state/key-value-store.js').KeyValueStore<string, number>;
    init(ctx: ProcessorContext<string, number>) {
      this.store = ctx.getStateStore('counts');
    }
    process(r: Record<string, string>) {
      this.store.put(r.key, (this.store.get(r.key) ?? 0) + 1);
    }
  }
  return {
    id: 'driver-leveldb-count',
    title: 'counting processor on a LevelDB store, 10k keys',
    unit: 'records',
    target: '>= 400,000',
    async setup() {
      const topology = new Topology()
        .addSource('src', S.deserializer(), S.deserializer(), 'in')
        .addProcessor('count', () => new Count(), 'src')
        .addStateStore(stores.keyValueStoreBuilder(stores.persistentKeyValueStore('counts'), S, Serdes.Long()), 'count');
      driver = new TopologyTestDriver(topology, { initialWallClockTimeMs: 0 });
      await driver.ready;
      input = driver.createInputTopic('in', S.serializer(), S.serializer(), 0, 1);
    },
    async run() {
      await input.pipeKeyValueList(data);
      return data.length;
    },
    teardown: () => driver.close(),
  };
}
