import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

describe('Serdes.ByteArray() and Serdes.Bytes()', () => {
  const ser = Serdes.ByteArray().serializer();
  const de = Serdes.ByteArray().deserializer();

  it('passes buffers through without copying', () => {
    const buf = Buffer.from([1, 2, 3]);
    expect(ser.serialize('t', buf)).toBe(buf);
    expect(de.deserialize('t', buf)).toBe(buf);
  });

  it('wraps a plain Uint8Array over the same memory', () => {
    const backing = new Uint8Array([9, 1, 2, 3, 9]);
    const out = ser.serialize('t', backing.subarray(1, 4));
    expect(Buffer.isBuffer(out)).toBe(true);
    expect(out?.toString('hex')).toBe('010203');
    backing[1] = 7;
    expect(out?.[0]).toBe(7);
  });

  it('maps null to null both ways and keeps empty buffers', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
    expect(de.deserialize('t', Buffer.alloc(0))?.length).toBe(0);
  });

  it('rejects non-byte values', () => {
    expect(() => ser.serialize('t', 'abc' as unknown as Buffer)).toThrow(SerializationError);
    expect(() => ser.serialize('t', [1, 2] as unknown as Buffer)).toThrow(/expected a Buffer or Uint8Array/);
  });

  it('Bytes() is the same serde as ByteArray()', () => {
    expect(Serdes.Bytes()).toBe(Serdes.ByteArray());
  });
});
