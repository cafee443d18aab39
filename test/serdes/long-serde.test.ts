import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

// Expected bytes produced by Java's LongSerializer (kafka-clients 4.1.0, Java 17).
const JAVA: [number, string][] = [
  [0, '0000000000000000'],
  [1, '0000000000000001'],
  [-1, 'ffffffffffffffff'],
  [255, '00000000000000ff'],
  [256, '0000000000000100'],
  [-256, 'ffffffffffffff00'],
  [4294967295, '00000000ffffffff'],
  [4294967296, '0000000100000000'],
  [-4294967296, 'ffffffff00000000'],
  [-4294967297, 'fffffffeffffffff'],
  [Number.MAX_SAFE_INTEGER, '001fffffffffffff'],
  [Number.MIN_SAFE_INTEGER, 'ffe0000000000001'],
];

describe('Serdes.Long()', () => {
  const ser = Serdes.Long().serializer();
  const de = Serdes.Long().deserializer();

  it.each(JAVA)('writes %d as Java does (%s)', (value, hex) => {
    expect(ser.serialize('t', value)?.toString('hex')).toBe(hex);
  });

  it.each(JAVA)('reads %d back from %s', (value, hex) => {
    expect(de.deserialize('t', Buffer.from(hex, 'hex'))).toBe(value);
  });

  it('writes -0 as 0', () => {
    expect(ser.serialize('t', -0)?.toString('hex')).toBe('0000000000000000');
  });

  it('maps null to null both ways', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
  });

  it('rejects a value outside the safe-integer range, pointing to BigLong', () => {
    expect(() => ser.serialize('t', 2 ** 60)).toThrow(SerializationError);
    expect(() => ser.serialize('t', 2 ** 53)).toThrow(/safe-integer range.*Serdes\.BigLong\(\)/);
  });

  it('rejects non-integers and non-numbers', () => {
    expect(() => ser.serialize('t', 1.5)).toThrow(/not an integer/);
    expect(() => ser.serialize('t', Number.NaN)).toThrow(SerializationError);
    expect(() => ser.serialize('t', Number.POSITIVE_INFINITY)).toThrow(SerializationError);
    expect(() => ser.serialize('t', '1' as unknown as number)).toThrow(/expected a number/);
    expect(() => ser.serialize('t', 1n as unknown as number)).toThrow(/Serdes\.BigLong\(\)/);
    expect(() => ser.serialize('t', undefined as unknown as number)).toThrow(/use null for a tombstone/);
  });

  it('refuses to read a long outside the safe range, naming BigLong and the value', () => {
    const read = (hex: string) => () => de.deserialize('orders', Buffer.from(hex, 'hex'));
    expect(read('1000000000000000')).toThrow(SerializationError);
    expect(read('1000000000000000')).toThrow(/1152921504606846976.*"orders".*Serdes\.BigLong\(\)/);
    expect(read('0020000000000000')).toThrow(/9007199254740992/); // 2^53
    expect(read('ffe0000000000000')).toThrow(/-9007199254740992/); // -2^53
    expect(read('8000000000000000')).toThrow(/-9223372036854775808/);
  });

  it('rejects the wrong byte length, naming expected and actual size', () => {
    expect(() => de.deserialize('t', Buffer.alloc(5))).toThrow(SerializationError);
    expect(() => de.deserialize('t', Buffer.alloc(5))).toThrow(/expected 8 bytes but got 5/);
    expect(() => de.deserialize('t', Buffer.alloc(0))).toThrow(/expected 8 bytes but got 0/);
  });

  it('round-trips random safe integers', () => {
    for (let i = 0; i < 1000; i++) {
      const v = Math.floor((Math.random() * 2 - 1) * Number.MAX_SAFE_INTEGER);
      expect(de.deserialize('t', ser.serialize('t', v))).toBe(v);
      expect(ser.serialize('t', v)?.readBigInt64BE(0)).toBe(BigInt(v));
    }
  });
});
