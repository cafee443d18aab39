import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

describe('Serdes.Void()', () => {
  const ser = Serdes.Void().serializer();
  const de = Serdes.Void().deserializer();

  it('writes and reads only null', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(ser.serialize('t', undefined as unknown as null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
  });

  it('throws for any bytes, even empty ones, as Java does', () => {
    expect(() => de.deserialize('t', Buffer.alloc(1))).toThrow(SerializationError);
    expect(() => de.deserialize('t', Buffer.alloc(0))).toThrow(/expected null data but got 0 bytes/);
  });

  it('throws rather than silently dropping a value', () => {
    expect(() => ser.serialize('t', 'x' as unknown as null)).toThrow(/only writes null/);
  });
});
