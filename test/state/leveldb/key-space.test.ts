import { describe, expect, it } from 'vitest';
import { KeySpace, type KeySpaceHost } from '../../../src/state/leveldb/key-space.js';

/** A host with a read cache of `budget` bytes over a store where every key holds 100 bytes; counts reads per key. */
function hostWith(budget: number): KeySpaceHost & { reads: Map<string, number> } {
  let clean = 0;
  const reads = new Map<string, number>();
  return {
    reads,
    readStored(key) {
      const k = key.toString('latin1');
      reads.set(k, (reads.get(k) ?? 0) + 1);
      return Buffer.alloc(100);
    },
    addDirtyBytes() {},
    readCacheEnabled: true,
    addCleanBytes(delta) {
      clean += delta;
      return clean > budget ? clean - budget * 0.9 : 0;
    },
    assertWritable() {},
  };
}

describe('KeySpace read cache', () => {
  // Each cached key costs ~170 bytes (key, value, bookkeeping): 2,000 bytes hold about 11.
  it('keeps a key that is read again and again while many others pass through', () => {
    const host = hostWith(2_000);
    const space = new KeySpace(host, 'p/');
    space.get('hot');
    for (let i = 0; i < 200; i++) {
      space.get(`cold${i}`);
      space.get('hot');
    }
    expect(host.reads.get('p/hot')).toBe(1);
    expect(host.reads.get('p/cold0')).toBe(1);
  });

  it('evicts keys read once, oldest first, and reads them again from the store', () => {
    const host = hostWith(2_000);
    const space = new KeySpace(host, 'p/');
    for (let i = 0; i < 30; i++) space.get(`k${i}`);
    space.get('k29');
    space.get('k0');
    expect(host.reads.get('p/k29')).toBe(1);
    expect(host.reads.get('p/k0')).toBe(2);
  });

  it('never evicts a buffered write', () => {
    const host = hostWith(2_000);
    const space = new KeySpace(host, 'p/');
    space.put('written', Buffer.from('v'));
    for (let i = 0; i < 100; i++) space.get(`k${i}`);
    expect(space.get('written')!.toString()).toBe('v');
    expect(host.reads.has('p/written')).toBe(false);
  });
});
