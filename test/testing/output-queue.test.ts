import { describe, expect, it } from 'vitest';
import { Headers } from '../../src/processor/headers.js';
import { fieldDecoder, OutputQueue } from '../../src/testing/output-queue.js';
import type { Deserializer } from '../../src/serdes/serde.js';
import { Serdes } from '../../src/serdes/serdes.js';
import { StringDeserializer } from '../../src/serdes/string-serde.js';

/** Hands out views of the queue's chunks (it has no range reads). */
const RAW = Serdes.ByteArray().deserializer();

const b = (s: string): Buffer => Buffer.from(s, 'utf8');

/** Reads one record as a `TestOutputTopic` of topic 't' does. */
const read = <K, V>(q: OutputQueue, key: Deserializer<K>, value: Deserializer<V>) => q.read(fieldDecoder('t', key), fieldDecoder('t', value));

describe('OutputQueue', () => {
  it('returns records in order with null and empty keys and values', () => {
    const q = new OutputQueue();
    const h = new Headers();
    q.push(b('k1'), b('v1'), 5, h);
    q.push(null, b('v2'), 6, h);
    q.push(b('k3'), null, 7, h);
    q.push(Buffer.alloc(0), Buffer.alloc(0), 8, h);
    expect(q.size).toBe(4);
    const records = [read(q, RAW, RAW), read(q, RAW, RAW), read(q, RAW, RAW), read(q, RAW, RAW)].map((r) => [r!.key?.toString() ?? null, r!.value?.toString() ?? null, r!.timestamp]);
    expect(records).toEqual([['k1', 'v1', 5], [null, 'v2', 6], ['k3', null, 7], ['', '', 8]]);
    expect(q.size).toBe(0);
    expect(read(q, RAW, RAW)).toBeNull();
  });

  it('keeps each record with its own headers', () => {
    const q = new OutputQueue();
    const h1 = new Headers().add('a', '1');
    const h2 = new Headers().add('b', '2');
    q.push(b('1'), b('1'), 1, h1);
    q.push(b('2'), b('2'), 2, h1);
    q.push(b('3'), b('3'), 3, h2);
    q.push(b('4'), b('4'), 4, h1);
    expect([read(q, RAW, RAW)!.headers, read(q, RAW, RAW)!.headers, read(q, RAW, RAW)!.headers, read(q, RAW, RAW)!.headers]).toEqual([h1, h1, h2, h1]);
    expect(read(q, RAW, RAW)).toBeNull();
  });

  it('stores records larger than a chunk and many records across chunks', () => {
    const q = new OutputQueue();
    const big = Buffer.alloc(200_000, 7);
    q.push(b('big'), big, 0, new Headers());
    for (let i = 0; i < 20_000; i++) q.push(b(`key-${i}`), b(`value-${i}`), i, new Headers());
    expect(read(q, RAW, RAW)!.value).toEqual(big);
    for (let i = 0; i < 20_000; i++) {
      const r = read(q, RAW, RAW)!;
      expect([r.key!.toString(), r.value!.toString(), r.timestamp]).toEqual([`key-${i}`, `value-${i}`, i]);
    }
  });

  it('never rewrites bytes already handed out, even after the queue was drained', () => {
    const q = new OutputQueue();
    q.push(b('first'), b('one'), 0, new Headers());
    const first = read(q, RAW, RAW)!;
    for (let i = 0; i < 10_000; i++) q.push(b('other'), b('bytes'), i, new Headers());
    while (read(q, RAW, RAW) !== null);
    q.push(b('again'), b('two'), 0, new Headers());
    expect([first.key!.toString(), first.value!.toString()]).toEqual(['first', 'one']);
    expect(read(q, RAW, RAW)!.key!.toString()).toBe('again');
  });

  it('reads built-in String and Long values straight from the chunk, with the same errors', () => {
    const q = new OutputQueue();
    const h = new Headers();
    q.push(b('hé'), Serdes.Long().serializer().serialize('t', 42), 1, h);
    q.push(b('word'), null, 2, h);
    q.push(null, b('not a long'), 3, h);
    const S = Serdes.String().deserializer();
    const L = Serdes.Long().deserializer();
    expect(read(q, S, L)).toMatchObject({ key: 'hé', value: 42, timestamp: 1 });
    expect(read(q, S, L)).toMatchObject({ key: 'word', value: null, timestamp: 2 });
    expect(() => read(q, S, L)).toThrow(/Serdes.Long\(\): expected 8 bytes but got 10/);
  });

  it("reads through a subclass's own deserialize, not the inherited range read", () => {
    class Upper extends StringDeserializer {
      override deserialize(topic: string, data: Buffer | null): string | null {
        return super.deserialize(topic, data)?.toUpperCase() ?? null;
      }
    }
    const q = new OutputQueue();
    q.push(b('k'), b('value'), 1, new Headers());
    q.push(b('k'), b('value'), 2, new Headers());
    expect(read(q, new StringDeserializer(), new StringDeserializer())!.value).toBe('value');
    expect(read(q, new StringDeserializer(), new Upper())!.value).toBe('VALUE');
  });
});
