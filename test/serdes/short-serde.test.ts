import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

// Expected bytes produced by Java's ShortSerializer (kafka-clients 4.1.0, Java 17).
const JAVA: [number, string][] = [
  [0, '0000'],
  [1, '0001'],
  [-1, 'ffff'],
  [-2, 'fffe'],
  [256, '0100'],
  [32767, '7fff'],
  [-32768, '8000'],
];

describe('Serdes.Short()', () => {
  const ser = Serdes.Short().serializer();
  const de = Serdes.Short().deserializer();

  it.each(JAVA)('writes %d as Java does (%s) and reads it back', (value, hex) => {
    expect(ser.serialize('t', value)?.toString('hex')).toBe(hex);
    expect(de.deserialize('t', Buffer.from(hex, 'hex'))).toBe(value);
  });

  it('maps null to null both ways', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
  });

  it('rejects values outside 16 bits, pointing to Integer', () => {
    expect(() => ser.serialize('t', 32768)).toThrow(SerializationError);
    expect(() => ser.serialize('t', -32769)).toThrow(/signed 16-bit range.*Serdes\.Integer\(\)/);
    expect(() => ser.serialize('t', 65536)).toThrow(SerializationError);
    expect(() => ser.serialize('t', 1.25)).toThrow(/not an integer/);
  });

  it('rejects the wrong byte length', () => {
    expect(() => de.deserialize('t', Buffer.alloc(3))).toThrow(/Serdes\.Short\(\): expected 2 bytes but got 3/);
  });
});
