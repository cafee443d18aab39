import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

interface Order {
  readonly id: string;
  readonly qty: number;
  readonly tags: string[];
}

describe('Serdes.Json()', () => {
  const serde = Serdes.Json<Order>();
  const ser = serde.serializer();
  const de = serde.deserializer();

  it('writes UTF-8 JSON and reads it back', () => {
    const order: Order = { id: 'é1', qty: 2, tags: ['a'] };
    const bytes = ser.serialize('t', order);
    expect(bytes?.toString('hex')).toBe(Buffer.from('{"id":"é1","qty":2,"tags":["a"]}', 'utf8').toString('hex'));
    expect(de.deserialize('t', bytes)).toEqual(order);
  });

  it('writes lone surrogates as JSON escapes, keeping the bytes valid UTF-8', () => {
    expect(Serdes.Json<string>().serializer().serialize('t', '\uD800')?.toString()).toBe('"\\ud800"');
  });

  it('maps null to null both ways; the JSON text "null" reads as null', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
    expect(de.deserialize('t', Buffer.from('null'))).toBeNull();
  });

  it('rejects values JSON cannot represent', () => {
    const json = Serdes.Json<unknown>().serializer();
    expect(() => json.serialize('t', 1n)).toThrow(SerializationError);
    expect(() => json.serialize('t', undefined)).toThrow(/use null for a tombstone/);
    expect(() => json.serialize('t', () => 1)).toThrow(/no representation/);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(() => json.serialize('t', cyclic)).toThrow(SerializationError);
  });

  it('rejects malformed JSON with the parser error as cause', () => {
    let error: unknown;
    try {
      de.deserialize('orders', Buffer.from('{"id":'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SerializationError);
    expect((error as Error).message).toMatch(/the 6 bytes from topic "orders" are not valid JSON/);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });
});
