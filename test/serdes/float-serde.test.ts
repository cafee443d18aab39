import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

// Expected bytes produced by Java's FloatSerializer (kafka-clients 4.1.0, Java 17).
const JAVA: [number, string][] = [
  [0, '00000000'],
  [-0, '80000000'],
  [1.5, '3fc00000'],
  [-2.25, 'c0100000'],
  [0.1, '3dcccccd'],
  [Number.NaN, '7fc00000'],
  [Number.POSITIVE_INFINITY, '7f800000'],
  [3.4028234663852886e38, '7f7fffff'], // Float.MAX_VALUE
  [1.401298464324817e-45, '00000001'], // Float.MIN_VALUE
];

describe('Serdes.Float()', () => {
  const ser = Serdes.Float().serializer();
  const de = Serdes.Float().deserializer();

  it.each(JAVA)('writes %d as Java does (%s)', (value, hex) => {
    expect(ser.serialize('t', value)?.toString('hex')).toBe(hex);
  });

  it('reads values back, rounded to single precision', () => {
    expect(de.deserialize('t', Buffer.from('3fc00000', 'hex'))).toBe(1.5);
    expect(de.deserialize('t', Buffer.from('3dcccccd', 'hex'))).toBe(Math.fround(0.1));
    expect(de.deserialize('t', Buffer.from('7fc00000', 'hex'))).toBeNaN();
    expect(Object.is(de.deserialize('t', Buffer.from('80000000', 'hex')), -0)).toBe(true);
  });

  it('maps null to null both ways', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
  });

  it('rejects non-numbers and the wrong byte length', () => {
    expect(() => ser.serialize('t', '1.5' as unknown as number)).toThrow(SerializationError);
    expect(() => de.deserialize('t', Buffer.alloc(3))).toThrow(/Serdes\.Float\(\): expected 4 bytes but got 3/);
  });
});
