import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';
import type { Serde } from '../../src/serdes/serde.js';
import { valueAndTimestampSerde } from '../../src/state/internals/value-and-timestamp-serde.js';

// The Long serde takes a fast path (the long written and read in place): it must give the
// bytes and errors of the general path, which a wrapped copy of the Long serde takes.
const general: Serde<number> = { serializer: () => ({ serialize: (t, d) => Serdes.Long().serializer().serialize(t, d) }), deserializer: () => Serdes.Long().deserializer() };

describe('valueAndTimestampSerde', () => {
  for (const [name, inner] of [['Long (fast path)', Serdes.Long()], ['general path', general]] as const) {
    const ser = valueAndTimestampSerde(inner).serializer();
    const de = valueAndTimestampSerde(inner).deserializer();

    it(`${name}: timestamp(8, BE) + long(8, BE), and back`, () => {
      const bytes = ser.serialize('t', { value: -2, timestamp: 2 ** 40 + 5 })!;
      expect(bytes.toString('hex')).toBe('0000010000000005' + 'fffffffffffffffe');
      expect(de.deserialize('t', bytes)).toEqual({ value: -2, timestamp: 2 ** 40 + 5 });
      expect(de.deserialize('t', Buffer.from('0000000000000007' + '001fffffffffffff', 'hex'))).toEqual({ value: Number.MAX_SAFE_INTEGER, timestamp: 7 });
    });

    it(`${name}: null and a null value give null`, () => {
      expect(ser.serialize('t', null)).toBeNull();
      expect(ser.serialize('t', { value: null as unknown as number, timestamp: 1 })).toBeNull();
      expect(de.deserialize('t', null)).toBeNull();
    });

    it(`${name}: rejects unsafe longs and wrongly sized values`, () => {
      expect(() => ser.serialize('t', { value: 1.5, timestamp: 1 })).toThrow(SerializationError);
      expect(() => de.deserialize('t', Buffer.from('0000000000000001' + '0020000000000000', 'hex'))).toThrow(/safe-integer range/);
      expect(() => de.deserialize('t', Buffer.from('0000000000000001' + '0001', 'hex'))).toThrow(/expected 8 bytes but got 2/);
    });
  }
});
