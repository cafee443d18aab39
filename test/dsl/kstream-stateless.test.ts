import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Consumed, Named, Printed, Produced, StreamBuilder, type KStream } from '../../src/dsl/index.js';
import { TopologyError } from '../../src/errors/topology-error.js';
import { KeyValue } from '../../src/state/key-value.js';
import { Headers } from '../../src/processor/headers.js';
import { TestRecord } from '../../src/testing/index.js';
import { driverFor, S, STRING_DEFAULTS } from './driver-helpers.js';

/** A stream of `in` with String serdes. */
function source(): [StreamBuilder, KStream<string, string>] {
  const b = new StreamBuilder();
  return [b, b.stream('in', Consumed.with(S, S))];
}

async function run(b: StreamBuilder, records: [string | null, string | null, number][], topics: string[] = ['out']) {
  const driver = driverFor(b.build(STRING_DEFAULTS));
  const outputs = topics.map((t) => driver.createOutputTopic(t, S.deserializer(), S.deserializer()));
  const input = driver.createInputTopic('in', S.serializer(), S.serializer());
  for (const [k, v, ts] of records) await input.pipeInput(k, v, ts);
  return outputs.map((o) => o.readRecordsToList().map((r) => `${String(r.key)} ${String(r.value)} @${r.timestamp}`));
}

describe('KStream stateless operators (through the driver)', () => {
  it('filter keeps matching records, filterNot the others; neither emits tombstones', async () => {
    const b = new StreamBuilder();
    const s = b.stream('in', Consumed.with(S, S));
    s.filter((_k, v) => v.startsWith('a')).to('kept');
    s.filterNot((_k, v) => v.startsWith('a')).to('dropped');
    const [kept, dropped] = await run(b, [['1', 'apple', 1], ['2', 'banana', 2], ['3', 'avocado', 3]], ['kept', 'dropped']);
    expect(kept).toEqual(['1 apple @1', '3 avocado @3']);
    expect(dropped).toEqual(['2 banana @2']);
  });

  it('map, selectKey and mapValues keep timestamp and headers', async () => {
    const b = new StreamBuilder();
    b.stream('in', Consumed.with(S, S))
      .map((k, v) => KeyValue.pair(v, k))
      .selectKey((k) => k.toUpperCase())
      .mapValues((v, k) => `${k}:${v}`)
      .to('out');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const out = driver.createOutputTopic('out', S.deserializer(), S.deserializer());
    await driver.createInputTopic('in', S.serializer(), S.serializer()).pipeInput(new TestRecord('k', 'v', 42, new Headers({ h: 'x' })));
    const r = out.readRecord();
    expect([r.key, r.value, r.timestamp, r.headers.lastHeader('h')?.value?.toString()]).toEqual(['V', 'V:k', 42, 'x']);
  });

  it('flatMap and flatMapValues emit zero or more records, each with the input timestamp', async () => {
    const [b, s] = source();
    s.flatMap((k, v) => v.split(',').map((part) => KeyValue.pair(`${k}-${part}`, part))).to('fm');
    s.flatMapValues((v) => (v === '' ? [] : v.split(','))).to('fmv');
    const [fm, fmv] = await run(b, [['k', 'a,b', 7], ['j', '', 8]], ['fm', 'fmv']);
    expect(fm).toEqual(['k-a a @7', 'k-b b @7', 'j-  @8']);
    expect(fmv).toEqual(['k a @7', 'k b @7']);
  });

  it('flatMapValues accepts any iterable', async () => {
    const [b, s] = source();
    s.flatMapValues(function* (v) {
      yield v;
      yield v + v;
    }).to('out');
    expect((await run(b, [['k', 'x', 1]]))[0]).toEqual(['k x @1', 'k xx @1']);
  });

  it('peek and foreach see every record; peek passes it on', async () => {
    const seen: string[] = [];
    const [b, s] = source();
    s.peek((k, v) => seen.push(`peek ${k}=${v}`)).to('out');
    s.foreach((k, v) => seen.push(`foreach ${k}=${v}`), Named.as('each'));
    const [out] = await run(b, [['a', '1', 1], ['b', '2', 2]]);
    expect(out).toEqual(['a 1 @1', 'b 2 @2']);
    expect(seen).toEqual(['peek a=1', 'foreach a=1', 'peek b=2', 'foreach b=2']);
  });

  it('print writes [label]: key, value per record to standard output, or through a mapper', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
    try {
      const [b, s] = source();
      s.print(Printed.toSysOut());
      s.print(Printed.toSysOut<string, string>().withLabel('upper').withKeyValueMapper((k, v) => `${k}->${v.toUpperCase()}`));
      await run(b, [['a', '1', 1], [null, 'x', 2]], []);
    } finally {
      vi.restoreAllMocks();
    }
    expect(lines).toEqual(['[KSTREAM-PRINTER-0000000001]: a, 1\n', '[upper]: a->1\n', '[KSTREAM-PRINTER-0000000001]: null, x\n', '[upper]: null->X\n']);
  });

  it('print to a file: emptied by Printed.toFile, one line per record; a path that cannot be written fails at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kstreams-print-'));
    try {
      const file = join(dir, 'out.txt');
      const [b, s] = source();
      s.print(Printed.toFile<string, string>(file).withName('to-file'));
      await run(b, [['a', '1', 1], ['b', '2', 2]], []);
      expect(readFileSync(file, 'utf8')).toBe('[to-file]: a, 1\n[to-file]: b, 2\n');
      expect(() => Printed.toFile(join(dir, 'missing', 'out.txt'))).toThrow(TopologyError);
      expect(() => Printed.toFile(' ')).toThrow(/filePath can't be an empty string/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('merge forwards the records of both streams', async () => {
    const b = new StreamBuilder();
    const a = b.stream('a', Consumed.with(S, S));
    const c = b.stream('b', Consumed.with(S, S)).mapValues((v) => v.toUpperCase());
    a.merge(c, Named.as('both')).to('out', Produced.with(S, S));
    const driver = driverFor(b.build());
    const out = driver.createOutputTopic('out', S.deserializer(), S.deserializer());
    await driver.createInputTopic('a', S.serializer(), S.serializer()).pipeInput('x', 'one', 1);
    await driver.createInputTopic('b', S.serializer(), S.serializer()).pipeInput('y', 'two', 2);
    expect(out.readKeyValuesToList()).toEqual([KeyValue.pair('x', 'one'), KeyValue.pair('y', 'TWO')]);
  });

  it('to(extractor) picks the topic per record; Produced serdes win over the stream serdes', async () => {
    const [b, s] = source();
    s.to((key) => `out-${key}`, Produced.with(S, S));
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const a = driver.createOutputTopic('out-a', S.deserializer(), S.deserializer());
    const z = driver.createOutputTopic('out-z', S.deserializer(), S.deserializer());
    const input = driver.createInputTopic('in', S.serializer(), S.serializer());
    await input.pipeInput('a', '1', 1);
    await input.pipeInput('z', '2', 2);
    expect(a.readValuesToList()).toEqual(['1']);
    expect(z.readValuesToList()).toEqual(['2']);
  });

  it('stream() of several topics and of a RegExp', async () => {
    const b = new StreamBuilder();
    b.stream(['t1', 't2'], Consumed.with(S, S)).to('out');
    b.stream(/^p-.*/, Consumed.with(S, S)).mapValues((v) => `p:${v}`).to('out', Produced.valueSerde(S));
    const driver = driverFor(b.build());
    const out = driver.createOutputTopic('out', S.deserializer(), S.deserializer());
    await driver.createInputTopic('t1', S.serializer(), S.serializer()).pipeInput('k', 'a', 1);
    await driver.createInputTopic('t2', S.serializer(), S.serializer()).pipeInput('k', 'b', 2);
    await driver.createInputTopic('p-1', S.serializer(), S.serializer()).pipeInput('k', 'c', 3);
    expect(out.readValuesToList()).toEqual(['a', 'b', 'p:c']);
  });

  it('two stream() calls on one topic share one source', async () => {
    const b = new StreamBuilder();
    b.stream('in', Consumed.with(S, S)).to('o1');
    b.stream('in', Consumed.with(S, S)).mapValues((v) => v + '!').to('o2');
    const topology = b.build(STRING_DEFAULTS);
    expect(topology.describe().toString().match(/Source:/g)).toHaveLength(1);
    const driver = driverFor(topology);
    const o1 = driver.createOutputTopic('o1', S.deserializer(), S.deserializer());
    const o2 = driver.createOutputTopic('o2', S.deserializer(), S.deserializer());
    await driver.createInputTopic('in', S.serializer(), S.serializer()).pipeInput('k', 'v', 1);
    expect([o1.readValue(), o2.readValue()]).toEqual(['v', 'v!']);
  });

  it('operators return new immutable streams: branching off one stream twice', async () => {
    const [b, s] = source();
    const upper = s.mapValues((v) => v.toUpperCase());
    upper.to('out');
    s.to('raw');
    const [out, raw] = await run(b, [['k', 'v', 1]], ['out', 'raw']);
    expect(out).toEqual(['k V @1']);
    expect(raw).toEqual(['k v @1']);
  });
});

describe('KStream.merge with itself', () => {
  it('connects the stream once, as Kafka does', async () => {
    const [b, s] = source();
    s.merge(s).to('out');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const out = driver.createOutputTopic('out', S.deserializer(), S.deserializer());
    await driver.createInputTopic('in', S.serializer(), S.serializer()).pipeInput('k', 'v', 1);
    expect(out.readValuesToList()).toEqual(['v']);
  });
});
