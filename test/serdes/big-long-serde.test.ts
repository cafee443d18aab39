import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

// Expected bytes produced by Java's LongSerializer (kafka-clients 4.1.0, Java 17).
const JAVA: [bigint, string][] = [
  [0n, '0000000000000000'],
  [1n, '0000000000000001'],
  [-1n, 'ffffffffffffffff'],
  [2n ** 60n, '1000000000000000'],
  [9223372036854775807n, '7fffffffffffffff'],
  [-9223372036854775808n, '8000000000000000'],
];

describe('Serdes.BigLong()', () => {
  const ser = Serdes.BigLong().serializer();
  const de = Serdes.BigLong().deserializer();

  it.each(JAVA)('writes %s as Java does and reads it back', (value, hex) => {
    expect(ser.serialize('t', value)?.toString('hex')).toBe(hex);
    expect(de.deserialize('t', Buffer.from(hex, 'hex'))).toBe(value);
  });

  it('writes the same bytes as Serdes.Long() for safe values', () => {
    const long = Serdes.Long().serializer();
    for (const v of [0, 1, -1, 123456789012, Number.MIN_SAFE_INTEGER]) {
      expect(ser.serialize('t', BigInt(v))).toEqual(long.serialize('t', v));
    }
  });

  it('maps null to null both ways', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
  });

  it('rejects values outside 64 bits and non-bigints', () => {
    expect(() => ser.serialize('t', 2n ** 63n)).toThrow(SerializationError);
    expect(() => ser.serialize('t', -(2n ** 63n) - 1n)).toThrow(/signed 64-bit range/);
    expect(() => ser.serialize('t', 1 as unknown as bigint)).toThrow(/expected a bigint; use Serdes\.Long\(\)/);
  });

  it('rejects the wrong byte length', () => {
    expect(() => de.deserialize('t', Buffer.alloc(9))).toThrow(/Serdes\.BigLong\(\): expected 8 bytes but got 9/);
  });
});
