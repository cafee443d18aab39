import { describe, expect, it } from 'vitest';
import { compareKeys, keyBytes, keyString, offerKeyString } from '../../../src/state/internals/byte-keys.js';

describe('keyString', () => {
  it('is the latin1 form of the bytes, whatever was converted before (the last-key memo)', () => {
    const scratch = Buffer.from('key-1');
    const strings = [keyString(scratch), keyString(Buffer.from('key-1'))];
    scratch[4] = 0x32;
    strings.push(keyString(scratch), keyString(Buffer.from([0xff, 0x00])), keyString(Buffer.alloc(0)), keyString(Buffer.from('k'.repeat(40))));
    expect(strings).toEqual(['key-1', 'key-1', 'key-2', '\u00ff\u0000', '', 'k'.repeat(40)]);
  });

  it('returns an offered string only for exactly its bytes', () => {
    offerKeyString('word');
    const same = keyString(Buffer.from('word'));
    offerKeyString('word');
    const other = keyString(Buffer.from('ward'));
    offerKeyString('a\uD800'); // its UTF-8 bytes are not its latin1 form
    const serialized = keyString(Buffer.from('a?'));
    offerKeyString('h\u00e9');
    const utf8 = keyString(Buffer.from('h\u00e9', 'utf8'));
    expect([same, other, serialized, utf8]).toEqual(['word', 'ward', 'a?', 'h\u00c3\u00a9']);
  });

  it('round-trips through keyBytes and orders as the bytes do', () => {
    const keys = [Buffer.from([0x01]), Buffer.from([0x01, 0x00]), Buffer.from([0x7f]), Buffer.from([0x80]), Buffer.from([0xff])];
    const strings = keys.map(keyString);
    expect(strings.map(keyBytes)).toEqual(keys);
    expect([...strings].reverse().sort(compareKeys)).toEqual(strings);
  });
});
