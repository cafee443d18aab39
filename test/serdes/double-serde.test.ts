import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

// Expected bytes produced by Java's DoubleSerializer (kafka-clients 4.1.0, Java 17).
const JAVA: [number, string][] = [
  [0, '0000000000000000'],
  [-0, '8000000000000000'],
  [1.5, '3ff8000000000000'],
  [-2.25, 'c002000000000000'],
  [0.1, '3fb999999999999a'],
  [Number.NaN, '7ff8000000000000'],
  [Number.NEGATIVE_INFINITY, 'fff0000000000000'],
  [Number.MAX_VALUE, '7fefffffffffffff'],
  [Number.MIN_VALUE, '0000000000000001'],
];

describe('Serdes.Double()', () => {
  const ser = Serdes.Double().serializer();
  const de = Serdes.Double().deserializer();

  it.each(JAVA)('writes %d as Java does (%s) and reads it back', (value, hex) => {
    expect(ser.serialize('t', value)?.toString('hex')).toBe(hex);
    expect(Object.is(de.deserialize('t', Buffer.from(hex, 'hex')), value)).toBe(true);
  });

  it('maps null to null both ways', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
  });

  it('rejects non-numbers and the wrong byte length', () => {
    expect(() => ser.serialize('t', 1n as unknown as number)).toThrow(SerializationError);
    expect(() => ser.serialize('t', undefined as unknown as number)).toThrow(/use null for a tombstone/);
    expect(() => de.deserialize('t', Buffer.alloc(4))).toThrow(/Serdes\.Double\(\): expected 8 bytes but got 4/);
  });
});
