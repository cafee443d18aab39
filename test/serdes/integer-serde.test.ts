import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

// Expected bytes produced by Java's IntegerSerializer (kafka-clients 4.1.0, Java 17).
const JAVA: [number, string][] = [
  [0, '00000000'],
  [1, '00000001'],
  [-1, 'ffffffff'],
  [-2, 'fffffffe'],
  [65536, '00010000'],
  [2147483647, '7fffffff'],
  [-2147483648, '80000000'],
];

describe('Serdes.Integer()', () => {
  const ser = Serdes.Integer().serializer();
  const de = Serdes.Integer().deserializer();

  it.each(JAVA)('writes %d as Java does (%s) and reads it back', (value, hex) => {
    expect(ser.serialize('t', value)?.toString('hex')).toBe(hex);
    expect(de.deserialize('t', Buffer.from(hex, 'hex'))).toBe(value);
  });

  it('maps null to null both ways', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
  });

  it('rejects values outside 32 bits, pointing to Long', () => {
    expect(() => ser.serialize('t', 2147483648)).toThrow(SerializationError);
    expect(() => ser.serialize('t', -2147483649)).toThrow(/signed 32-bit range.*Serdes\.Long\(\)/);
  });

  it('rejects non-integers and non-numbers', () => {
    expect(() => ser.serialize('t', 0.5)).toThrow(/not an integer/);
    expect(() => ser.serialize('t', Number.NaN)).toThrow(SerializationError);
    expect(() => ser.serialize('t', '7' as unknown as number)).toThrow(/expected a number/);
  });

  it('rejects the wrong byte length', () => {
    expect(() => de.deserialize('t', Buffer.alloc(3))).toThrow(/Serdes\.Integer\(\): expected 4 bytes but got 3/);
  });
});
