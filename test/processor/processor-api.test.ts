import { afterEach, describe, expect, it } from 'vitest';
import { Topology } from '../../src/topology/topology.js';
import { Serdes } from '../../src/serdes/serdes.js';
import { StringSerializer } from '../../src/serdes/string-serde.js';
import { Record } from '../../src/processor/record.js';
import { Headers } from '../../src/processor/headers.js';
import { PunctuationType } from '../../src/processor/punctuation-type.js';
import type { Processor } from '../../src/processor/processor.js';
import type { ProcessorContext } from '../../src/processor/processor-context.js';
import { TopologyTestDriver } from '../../src/testing/topology-test-driver.js';
import { TestRecord } from '../../src/testing/test-record.js';

const S = Serdes.String();
let driver: TopologyTestDriver | undefined;
afterEach(async () => {
  await driver?.close();
  driver = undefined;
});

/** Routes values starting with "a" to child "to-a", others to "to-b". */
class Router implements Processor<string, string, string, string> {
  private ctx!: ProcessorContext<string, string>;
  init(ctx: ProcessorContext<string, string>) {
    this.ctx = ctx;
  }
  process(r: Record<string, string>) {
    this.ctx.forward(r, r.value.startsWith('a') ? 'to-a' : 'to-b');
  }
}

function routerTopology(): Topology {
  return new Topology()
    .addSource('src', S.deserializer(), S.deserializer(), 'input')
    .addProcessor('route', () => new Router(), 'src')
    .addSink('to-a', 'out-a', S.serializer(), S.serializer(), 'route')
    .addSink('to-b', 'out-b', S.serializer(), S.serializer(), 'route');
}

describe('Processor API through the driver', () => {
  it('forwards to a named child only', async () => {
    driver = new TopologyTestDriver(routerTopology());
    const input = driver.createInputTopic('input', S.serializer(), S.serializer());
    const a = driver.createOutputTopic('out-a', S.deserializer(), S.deserializer());
    const b = driver.createOutputTopic('out-b', S.deserializer(), S.deserializer());
    await input.pipeInput('k1', 'apple', 10);
    await input.pipeInput('k2', 'banana', 20);
    await input.pipeInput('k3', 'avocado', 30);
    expect(a.readKeyValuesToList()).toEqual([
      { key: 'k1', value: 'apple' },
      { key: 'k3', value: 'avocado' },
    ]);
    expect(b.readKeyValuesToList()).toEqual([{ key: 'k2', value: 'banana' }]);
  });

  it('writes output-only topics with their own bytes (same-length keys and values, a subclassed serializer)', async () => {
    class Upper extends StringSerializer {
      override serialize(topic: string, data: string | null): Buffer | null {
        return super.serialize(topic, data?.toUpperCase() ?? null);
      }
    }
    const topology = new Topology()
      .addSource('src', S.deserializer(), S.deserializer(), 'input')
      .addSink('plain', 'out-plain', S.serializer(), S.serializer(), 'src')
      .addSink('upper', 'out-upper', new Upper(), S.serializer(), 'src');
    driver = new TopologyTestDriver(topology);
    const input = driver.createInputTopic('input', S.serializer(), S.serializer());
    const plain = driver.createOutputTopic('out-plain', S.deserializer(), S.deserializer());
    const upper = driver.createOutputTopic('out-upper', S.deserializer(), S.deserializer());
    await input.pipeKeyValueList([
      { key: 'abc', value: 'xyz' },
      { key: 'k\u00e9y', value: 'h\u00e9!' },
      { key: 'long-key-beyond-the-scratch-buffers', value: 'v' },
    ]);
    expect(plain.readKeyValuesToList()).toEqual([
      { key: 'abc', value: 'xyz' },
      { key: 'k\u00e9y', value: 'h\u00e9!' },
      { key: 'long-key-beyond-the-scratch-buffers', value: 'v' },
    ]);
    expect(upper.readKeyValuesToList().map((kv) => kv.key)).toEqual(['ABC', 'K\u00c9Y', 'LONG-KEY-BEYOND-THE-SCRATCH-BUFFERS']);
  });

  it('fails clearly when forwarding to an unknown child', async () => {
    const topology = new Topology()
      .addSource('src', S.deserializer(), S.deserializer(), 'input')
      .addProcessor('p', () => {
        let ctx: ProcessorContext;
        return { init: (c: ProcessorContext) => void (ctx = c), process: (r: Record<unknown, unknown>) => ctx.forward(r, 'nope') };
      }, 'src')
      .addSink('sink', 'out', S.serializer(), S.serializer(), 'p');
    driver = new TopologyTestDriver(topology);
    const input = driver.createInputTopic('input', S.serializer(), S.serializer());
    await expect(input.pipeInput('k', 'v', 0)).rejects.toThrow(/no child named "nope"/);
  });

  it('keeps headers and timestamps, and lets processors change them', async () => {
    const topology = new Topology()
      .addSource('src', S.deserializer(), S.deserializer(), 'input')
      .addProcessor('stamp', () => {
        let ctx: ProcessorContext<string, string>;
        return {
          init: (c: ProcessorContext<string, string>) => (ctx = c),
          process: (r: Record<string, string>) => {
            const meta = ctx.recordMetadata()!;
            const headers = new Headers(r.headers).add('seen-offset', String(meta.offset));
            ctx.forward(r.withTimestamp(r.timestamp + 1000).withHeaders(headers).withValue(`${meta.topic}:${r.value}`));
          },
        };
      }, 'src')
      .addSink('sink', 'out', S.serializer(), S.serializer(), 'stamp');
    driver = new TopologyTestDriver(topology);
    const input = driver.createInputTopic('input', S.serializer(), S.serializer());
    const out = driver.createOutputTopic('out', S.deserializer(), S.deserializer());
    await input.pipeInput(new TestRecord('k', 'v', 5, new Headers({ trace: 'abc' })));
    await input.pipeInput('k', 'w', 7);
    const first = out.readRecord();
    expect(first.value).toBe('input:v');
    expect(first.timestamp).toBe(1005);
    expect(first.headers.lastHeader('trace')!.value!.toString()).toBe('abc');
    expect(first.headers.lastHeader('seen-offset')!.value!.toString()).toBe('0');
    const second = out.readRecord();
    expect(second.timestamp).toBe(1007);
    expect(second.headers.lastHeader('seen-offset')!.value!.toString()).toBe('1');
    expect(out.isEmpty()).toBe(true);
  });

  it('fires stream-time punctuation as input advances stream time, realigned to the grid', async () => {
    const fired: number[] = [];
    const topology = new Topology()
      .addSource('src', S.deserializer(), S.deserializer(), 'input')
      .addProcessor('p', () => ({
        init: (c: ProcessorContext) => void c.schedule(10, PunctuationType.STREAM_TIME, (t) => void fired.push(t)),
        process: () => undefined,
      }), 'src');
    driver = new TopologyTestDriver(topology);
    const input = driver.createInputTopic('input', S.serializer(), S.serializer());
    // a@3 b@9 c@10 d@35 e@36 f@40
    for (const [v, t] of [['a', 3], ['b', 9], ['c', 10], ['d', 35], ['e', 36], ['f', 40]] as const) await input.pipeInput('k', v, t);
    // first at the first record (scheduled at 0), then 10, then once for the gap at 35 (realigned to 40), then 40
    expect(fired).toEqual([3, 10, 35, 40]);
  });

  it('fires wall-clock punctuation only through advanceWallClockTime, and cancel stops it', async () => {
    const fired: number[] = [];
    const topology = new Topology()
      .addSource('src', S.deserializer(), S.deserializer(), 'input')
      .addProcessor('p', () => {
        let ctx: ProcessorContext<string, string>;
        return {
          init: (c: ProcessorContext<string, string>) => {
            ctx = c;
            const handle = c.schedule(100, PunctuationType.WALL_CLOCK_TIME, (t) => {
              fired.push(t);
              ctx.forward(new Record('tick', String(t), ctx.currentStreamTimeMs() < 0 ? 0 : ctx.currentStreamTimeMs()));
              if (fired.length === 3) handle.cancel();
            });
          },
          process: () => undefined,
        };
      }, 'src')
      .addSink('sink', 'ticks', S.serializer(), S.serializer(), 'p');
    driver = new TopologyTestDriver(topology, { initialWallClockTimeMs: 1000 });
    const ticks = driver.createOutputTopic('ticks', S.deserializer(), S.deserializer());
    await driver.advanceWallClockTime(50);
    expect(fired).toEqual([]);
    await driver.advanceWallClockTime(50);
    expect(fired).toEqual([1100]);
    await driver.advanceWallClockTime(250); // missed two intervals: fires once, realigns to 1400
    expect(fired).toEqual([1100, 1350]);
    await driver.advanceWallClockTime(50);
    expect(fired).toEqual([1100, 1350, 1400]);
    await driver.advanceWallClockTime(1000);
    expect(fired).toEqual([1100, 1350, 1400]);
    expect(ticks.readValuesToList()).toEqual(['1100', '1350', '1400']);
  });

  it('awaits a processor that returns a Promise and keeps order', async () => {
    const topology = new Topology()
      .addSource('src', S.deserializer(), S.deserializer(), 'input')
      .addProcessor('slow', () => {
        let ctx: ProcessorContext<string, string>;
        return {
          init: (c: ProcessorContext<string, string>) => (ctx = c),
          process: async (r: Record<string, string>) => {
            await new Promise((resolve) => setTimeout(resolve, r.value === 'first' ? 20 : 1));
            ctx.forward(r);
          },
        };
      }, 'src')
      .addSink('sink', 'out', S.serializer(), S.serializer(), 'slow');
    driver = new TopologyTestDriver(topology);
    const input = driver.createInputTopic('input', S.serializer(), S.serializer());
    const out = driver.createOutputTopic('out', S.deserializer(), S.deserializer());
    await input.pipeValueList(['first', 'second', 'third']);
    expect(out.readValuesToList()).toEqual(['first', 'second', 'third']);
  });

  it('wraps user exceptions with task id and record coordinates', async () => {
    const topology = new Topology()
      .addSource('src', S.deserializer(), S.deserializer(), 'input')
      .addProcessor('boom', () => ({ process: () => { throw new Error('kaput'); } }), 'src');
    driver = new TopologyTestDriver(topology);
    const input = driver.createInputTopic('input', S.serializer(), S.serializer());
    await expect(input.pipeInput('k', 'v', 0)).rejects.toThrow(/taskId=0_0, processor=boom, topic=input, partition=0, offset=0: kaput/);
  });

  it("skips records the deserializer rejects under 'continue' and counts them", async () => {
    const topology = new Topology()
      .addSource('src', Serdes.String().deserializer(), Serdes.Long().deserializer(), 'input')
      .addSink('sink', 'out', Serdes.String().serializer(), Serdes.Long().serializer(), 'src');
    driver = new TopologyTestDriver(topology, { deserializationExceptionHandler: 'continue' });
    const input = driver.createInputTopic('input', S.serializer(), Serdes.ByteArray().serializer());
    const out = driver.createOutputTopic('out', S.deserializer(), Serdes.Long().deserializer());
    await input.pipeInput('bad', Buffer.from([1, 2, 3]), 0);
    await input.pipeInput('good', Buffer.alloc(8, 0).fill(7, 7), 1);
    expect(out.readKeyValuesToList()).toEqual([{ key: 'good', value: 7 }]);
    expect(driver.metrics.droppedRecordsTotal).toBe(1);
  });

  it("fails by default on a record the deserializer rejects, naming topic, partition and offset", async () => {
    const topology = new Topology().addSource('src', S.deserializer(), Serdes.Long().deserializer(), 'input').addSink('sink', 'out', S.serializer(), Serdes.Long().serializer(), 'src');
    driver = new TopologyTestDriver(topology);
    const input = driver.createInputTopic('input', S.serializer(), Serdes.ByteArray().serializer());
    await expect(input.pipeInput('bad', Buffer.from([1]), 0)).rejects.toThrow(/input-0 offset 0/);
  });
});
