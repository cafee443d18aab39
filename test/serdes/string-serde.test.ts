import { describe, expect, it } from 'vitest';
import { SerializationError } from '../../src/errors/serialization-error.js';
import { Serdes } from '../../src/serdes/index.js';

describe('Serdes.String()', () => {
  const ser = Serdes.String().serializer();
  const de = Serdes.String().deserializer();

  // Expected bytes produced by Java's StringSerializer (kafka-clients 4.1.0, Java 17).
  it.each([
    ['abc', '616263'],
    ['', ''],
    ['h\u00e9\u20ac\u{1F600}', '68c3a9e282acf09f9880'],
  ])('writes %j as Java does (%s) and reads it back', (value, hex) => {
    expect(ser.serialize('t', value)?.toString('hex')).toBe(hex);
    expect(de.deserialize('t', Buffer.from(hex, 'hex'))).toBe(value);
  });

  it('writes an unpaired surrogate as "?", as Java does', () => {
    expect(ser.serialize('t', 'a\uD800b')?.toString('hex')).toBe('613f62');
    expect(ser.serialize('t', '\uD800\uD800\uDC00')?.toString('hex')).toBe('3ff0908080');
    expect(ser.serialize('t', '\uDC00\uD800')?.toString('hex')).toBe('3f3f');
    expect(ser.serialize('t', 'x\uDFFF')?.toString('hex')).toBe('783f');
  });

  it('writes short and long, ASCII and non-ASCII strings alike (the short-ASCII fast path)', () => {
    for (const value of ['a'.repeat(16), 'a'.repeat(17), `${'a'.repeat(15)}\u00e9`, '\u00e9', '\x7f\x00', `a\uD800`]) {
      const expected = Buffer.from(value.replace(/[\uD800-\uDFFF]/g, '?'), 'utf8');
      expect(ser.serialize('t', value)).toEqual(expected);
    }
  });

  it('reads equal, changed and reused buffers correctly in a row (the last-result memo)', () => {
    const scratch = Buffer.from('abc');
    const reads = [de.deserialize('t', scratch)];
    scratch[2] = 0x64;
    reads.push(de.deserialize('t', scratch), de.deserialize('t', Buffer.from('abd')), de.deserialize('t', Buffer.from('abe')));
    reads.push(de.deserialize('t', Buffer.from('ff', 'hex')), de.deserialize('t', Buffer.from('ff', 'hex')), de.deserialize('t', Buffer.from('c3a9', 'hex')));
    reads.push(de.deserialize('t', Buffer.alloc(0)), de.deserialize('t', Buffer.from('e9', 'hex')));
    expect(reads).toEqual(['abc', 'abd', 'abd', 'abe', '\uFFFD', '\uFFFD', '\u00e9', '', '\uFFFD']);
  });

  it('reads what was just written from the memo, and other bytes of the same length as they are', () => {
    const written = ser.serialize('t', 'word')!;
    expect(de.deserialize('t', written)).toBe('word');
    ser.serialize('t', 'word');
    expect(de.deserialize('t', Buffer.from('ward'))).toBe('ward');
    ser.serialize('t', 'a\uD800'); // not short ASCII: not offered
    expect(de.deserialize('t', Buffer.from('a?'))).toBe('a?');
  });

  it('reads short and long, ASCII and non-ASCII bytes alike (the short-ASCII fast path), also from ranges', () => {
    for (const value of ['', 'a', 'x'.repeat(16), 'y'.repeat(17), `${'a'.repeat(15)}\u00e9`, '\u00e9', '\x7f\x00', 'ab\u20ac']) {
      const bytes = Buffer.from(value, 'utf8');
      expect(de.deserialize('t', Buffer.from(bytes))).toBe(value);
      expect(de.deserializeRange('t', Buffer.concat([Buffer.from('zz'), bytes, Buffer.from('q')]), 2, 2 + bytes.length)).toBe(value);
    }
    expect(de.deserialize('t', Buffer.from('6180', 'hex'))).toBe('a\uFFFD');
  });

  it('reads malformed UTF-8 as U+FFFD, as Java does', () => {
    expect(de.deserialize('t', Buffer.from('61ff62', 'hex'))).toBe('a\uFFFDb');
  });

  it('maps null to null both ways and empty to empty', () => {
    expect(ser.serialize('t', null)).toBeNull();
    expect(de.deserialize('t', null)).toBeNull();
    expect(de.deserialize('t', Buffer.alloc(0))).toBe('');
  });

  it('rejects non-strings', () => {
    expect(() => ser.serialize('t', 42 as unknown as string)).toThrow(SerializationError);
    expect(() => ser.serialize('t', { a: 1 } as unknown as string)).toThrow(/Serdes\.Json\(\)/);
    expect(() => ser.serialize('t', undefined as unknown as string)).toThrow(/use null for a tombstone/);
  });
});
