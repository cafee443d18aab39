import { describe, expect, it } from 'vitest';
import { StreamsError } from '../../src/errors/streams-error.js';
import { Serdes, type Deserializer, type Serde, type Serializer } from '../../src/serdes/index.js';

// One sample value per built-in serde, for the contract every serde shares.
const SAMPLES: [string, Serde<unknown>, unknown][] = [
  ['String', Serdes.String(), 'word'],
  ['Long', Serdes.Long(), -42],
  ['BigLong', Serdes.BigLong(), -(2n ** 62n)],
  ['Integer', Serdes.Integer(), 7],
  ['Short', Serdes.Short(), -7],
  ['Float', Serdes.Float(), 0.5],
  ['Double', Serdes.Double(), Math.PI],
  ['ByteArray', Serdes.ByteArray(), Buffer.from([0, 255])],
  ['UUID', Serdes.UUID(), '123e4567-e89b-12d3-a456-426614174000'],
  ['Boolean', Serdes.Boolean(), true],
  ['Json', Serdes.Json(), { a: [1, 'b', null] }],
] as [string, Serde<unknown>, unknown][];

describe('Serdes', () => {
  describe.each(SAMPLES)('Serdes.%s()', (_name, serde, sample) => {
    it('round-trips a value', () => {
      expect(serde.deserializer().deserialize('t', serde.serializer().serialize('t', sample))).toEqual(sample);
    });

    it('maps null to null both ways', () => {
      expect(serde.serializer().serialize('t', null)).toBeNull();
      expect(serde.deserializer().deserialize('t', null)).toBeNull();
    });

    it('hands out the same serializer and deserializer every time', () => {
      expect(serde.serializer()).toBe(serde.serializer());
      expect(serde.deserializer()).toBe(serde.deserializer());
    });
  });

  it('returns one shared instance per factory', () => {
    expect(Serdes.String()).toBe(Serdes.String());
    expect(Serdes.Long()).toBe(Serdes.Long());
    expect(Serdes.Json<{ a: number }>()).toBe(Serdes.Json<string>());
  });

  it('is frozen', () => {
    expect(Object.isFrozen(Serdes)).toBe(true);
  });

  describe('serdeFrom', () => {
    const serializer: Serializer<number> = {
      serialize: (_topic, n) => (n === null ? null : Buffer.from(String(n))),
    };
    const deserializer: Deserializer<number> = {
      deserialize: (_topic, b) => (b === null ? null : Number(b.toString())),
    };

    it('pairs a serializer and a deserializer', () => {
      const serde = Serdes.serdeFrom(serializer, deserializer);
      expect(serde.serializer()).toBe(serializer);
      expect(serde.deserializer()).toBe(deserializer);
      expect(serde.deserializer().deserialize('t', serde.serializer().serialize('t', 12))).toBe(12);
    });

    it('rejects a missing serializer or deserializer', () => {
      expect(() => Serdes.serdeFrom(null as unknown as Serializer<number>, deserializer)).toThrow(StreamsError);
      expect(() => Serdes.serdeFrom(serializer, {} as Deserializer<number>)).toThrow(/deserializer must be an object/);
    });
  });
});
