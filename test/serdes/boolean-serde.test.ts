import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

describe('Serdes.Boolean()', () => {
  const ser = Serdes.Boolean().serializer();
  const de = Serdes.Boolean().deserializer();

  it('writes one byte, 01 or 00, as Java does', () => {
    expect(ser.serialize('t', true)?.toString('hex')).toBe('01');
    expect(ser.serialize('t', false)?.toString('hex')).toBe('00');
    expect(de.deserialize('t', Buffer.from([1]))).toBe(true);
    expect(de.deserialize('t', Buffer.from([0]))).toBe(false);
  });

  it('returns a fresh buffer each time', () => {
    expect(ser.serialize('t', true)).not.toBe(ser.serialize('t', true));
  });

  it('maps null to null both ways', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
  });

  it('rejects other bytes, sizes and types, as Java does', () => {
    expect(() => de.deserialize('t', Buffer.from([7]))).toThrow(/expected byte 0x00 or 0x01 but got 0x07/);
    expect(() => de.deserialize('t', Buffer.alloc(2))).toThrow(/expected 1 bytes but got 2/);
    expect(() => de.deserialize('t', Buffer.alloc(0))).toThrow(SerializationError);
    expect(() => ser.serialize('t', 1 as unknown as boolean)).toThrow(/expected a boolean/);
  });
});
