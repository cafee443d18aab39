// The reusable-buffer path of the built-in String and Long serializers (used by sinks whose
// collector copies bytes at once, e.g. the test driver's output queues): same bytes and
// errors as serialize(), key and value slots independent, subclasses never bypassed.
import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { asScratchSerializer } from '../../src/serdes/internal/scratch-serializer.js';
import { LongSerializer } from '../../src/serdes/long-serde.js';
import { StringSerializer } from '../../src/serdes/string-serde.js';

describe('scratch serializers', () => {
  const strings = asScratchSerializer(new StringSerializer())!;
  const longs = asScratchSerializer(new LongSerializer())!;

  it('writes the bytes serialize() writes: short ASCII into scratch, anything else as serialize() does', () => {
    for (const value of ['', 'word', 'a'.repeat(16), 'a'.repeat(17), 'h\u00e9', `a\uD800`, null]) {
      expect(strings.serializeScratch('t', value, 0)).toEqual(new StringSerializer().serialize('t', value));
    }
    for (const value of [0, -1, Number.MAX_SAFE_INTEGER, null]) {
      expect(longs.serializeScratch('t', value, 1)).toEqual(new LongSerializer().serialize('t', value));
    }
  });

  it('fails as serialize() does', () => {
    expect(() => strings.serializeScratch('t', 7 as unknown as string, 0)).toThrow(SerializationError);
    expect(() => longs.serializeScratch('t', 1.5, 0)).toThrow(SerializationError);
  });

  it('keeps a key and a value of the same length apart (two slots)', () => {
    const key = strings.serializeScratch('t', 'abc', 0)!;
    const value = strings.serializeScratch('t', 'xyz', 1)!;
    expect([key.toString(), value.toString()]).toEqual(['abc', 'xyz']);
  });

  it('does not take a subclass that may serialize differently, nor a serializer without the path', () => {
    class Upper extends StringSerializer {
      override serialize(topic: string, data: string | null): Buffer | null {
        return super.serialize(topic, data?.toUpperCase() ?? null);
      }
    }
    expect(asScratchSerializer(new Upper())).toBeNull();
    expect(asScratchSerializer({ serialize: (_t: string, d: string | null) => (d === null ? null : Buffer.from(d)) })).toBeNull();
  });
});
