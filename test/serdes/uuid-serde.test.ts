import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

const UUID = '123e4567-e89b-12d3-a456-426614174000';

describe('Serdes.UUID()', () => {
  const ser = Serdes.UUID().serializer();
  const de = Serdes.UUID().deserializer();

  it("writes the UUID's string form as UTF-8, as Java's UUIDSerializer does", () => {
    // Bytes from Java: new UUIDSerializer().serialize("t", UUID.fromString("123E4567-...")).
    const java = '31323365343536372d653839622d313264332d613435362d343236363134313734303030';
    expect(ser.serialize('t', UUID)?.toString('hex')).toBe(java);
    expect(ser.serialize('t', UUID.toUpperCase())?.toString('hex')).toBe(java);
    expect(de.deserialize('t', Buffer.from(java, 'hex'))).toBe(UUID);
  });

  it("reads the forms Java's UUID.fromString accepts, returning the canonical form", () => {
    expect(de.deserialize('t', Buffer.from(UUID.toUpperCase()))).toBe(UUID);
    expect(de.deserialize('t', Buffer.from('1-2-3-4-5'))).toBe('00000001-0002-0003-0004-000000000005');
    expect(ser.serialize('t', '1-2-3-4-5')?.toString()).toBe('00000001-0002-0003-0004-000000000005');
  });

  it('maps null to null both ways', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
  });

  it('rejects strings and bytes that are not UUIDs', () => {
    expect(() => ser.serialize('t', 'nope')).toThrow(SerializationError);
    expect(() => ser.serialize('t', `${UUID}0`)).toThrow(/expected a UUID string/);
    expect(() => de.deserialize('t', Buffer.from('nope'))).toThrow(/the 4 bytes from topic "t" are not a UUID string/);
    expect(() => de.deserialize('t', Buffer.alloc(0))).toThrow(SerializationError);
    expect(() => de.deserialize('t', Buffer.alloc(16))).toThrow(SerializationError);
  });
});
