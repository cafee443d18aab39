import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyValue } from '../../src/state/key-value.js';
import type { KeyValueIterator } from '../../src/state/key-value-iterator.js';
import type { KeyValueStore } from '../../src/state/key-value-store.js';
import type { Serializer } from '../../src/serdes/serde.js';

/** A store under test, initialised, and how to dispose of it. */
export interface StoreUnderTest {
  readonly store: KeyValueStore<Buffer, Buffer>;
  readonly persistent: boolean;
  /** Closes the store and removes whatever it created. */
  dispose(): Promise<void>;
}

const b = (s: string | number[]): Buffer => (typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s));
const str = (buf: Buffer): string => buf.toString('utf8');
const hex = (buf: Buffer): string => buf.toString('hex');
const utf8Prefix: Serializer<string> = { serialize: (_t, s) => (s === null ? null : Buffer.from(s, 'utf8')) };

/** Drains an iterator into `key=value` strings (keys and values as UTF-8), closing it. */
function drain(it: KeyValueIterator<Buffer, Buffer>): string[] {
  const out: string[] = [];
  try {
    while (it.hasNext()) {
      const { key, value } = it.next();
      out.push(`${str(key)}=${str(value)}`);
    }
  } finally {
    it.close();
  }
  return out;
}

function keysOf(it: KeyValueIterator<Buffer, Buffer>): string[] {
  return drain(it).map((kv) => kv.split('=')[0]!);
}

/**
 * The behaviour every `KeyValueStore<Buffer, Buffer>` must have (backends, and backends
 * wrapped in caching/logging/metered layers): point operations, null-as-delete, ordered
 * ranges in unsigned byte order with open bounds, prefix scans and iterator life cycle.
 */
export function keyValueStoreContract(name: string, create: () => Promise<StoreUnderTest>): void {
  describe(`KeyValueStore contract: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: KeyValueStore<Buffer, Buffer>;

    beforeEach(async () => {
      sut = await create();
      store = sut.store;
    });

    afterEach(async () => {
      await sut.dispose();
    });

    const putAll = (...keys: string[]): void => {
      for (const k of keys) store.put(b(k), b(k.toUpperCase()));
    };

    it('reports persistence and open state', () => {
      expect(store.persistent()).toBe(sut.persistent);
      expect(store.isOpen()).toBe(true);
    });

    it('returns null for an absent key', () => {
      expect(store.get(b('missing'))).toBeNull();
    });

    it('puts, overwrites and gets', () => {
      store.put(b('a'), b('1'));
      expect(str(store.get(b('a'))!)).toBe('1');
      store.put(b('a'), b('2'));
      expect(str(store.get(b('a'))!)).toBe('2');
      store.flush();
      expect(store.approximateNumEntries()).toBe(1);
    });

    it('treats a null value as a delete', () => {
      store.put(b('a'), b('1'));
      store.put(b('a'), null);
      expect(store.get(b('a'))).toBeNull();
      expect(keysOf(store.all())).toEqual([]);
      store.put(b('never'), null);
      expect(store.get(b('never'))).toBeNull();
    });

    it('putIfAbsent stores only when absent and returns the previous value', () => {
      expect(store.putIfAbsent(b('a'), b('1'))).toBeNull();
      expect(str(store.putIfAbsent(b('a'), b('2'))!)).toBe('1');
      expect(str(store.get(b('a'))!)).toBe('1');
    });

    it('putAll writes every entry, null values deleting', () => {
      store.put(b('gone'), b('x'));
      const entries: KeyValue<Buffer, Buffer | null>[] = [
        { key: b('a'), value: b('1') },
        { key: b('b'), value: b('2') },
        { key: b('gone'), value: null },
      ];
      store.putAll(entries);
      expect(drain(store.all())).toEqual(['a=1', 'b=2']);
    });

    it('delete returns the old value (null when absent)', () => {
      store.put(b('a'), b('1'));
      expect(str(store.delete(b('a'))!)).toBe('1');
      expect(store.get(b('a'))).toBeNull();
      expect(store.delete(b('a'))).toBeNull();
      expect(store.delete(b('never'))).toBeNull();
    });

    // Caching layers count what is below them (as in Java), hence the flush.
    it('counts entries after a flush (exactly, for these backends)', () => {
      putAll('a', 'b', 'c');
      store.delete(b('b'));
      store.put(b('a'), b('again'));
      store.flush();
      expect(store.approximateNumEntries()).toBe(2);
    });

    it('ranges are inclusive on both ends and ordered', () => {
      putAll('d', 'a', 'c', 'b', 'e');
      expect(drain(store.range(b('b'), b('d')))).toEqual(['b=B', 'c=C', 'd=D']);
      expect(keysOf(store.range(b('bb'), b('dd')))).toEqual(['c', 'd']);
      expect(keysOf(store.range(b('c'), b('c')))).toEqual(['c']);
    });

    it('ranges accept open bounds', () => {
      putAll('a', 'b', 'c');
      expect(keysOf(store.range(null, b('b')))).toEqual(['a', 'b']);
      expect(keysOf(store.range(b('b'), null))).toEqual(['b', 'c']);
      expect(keysOf(store.range(null, null))).toEqual(['a', 'b', 'c']);
    });

    it('an inverted range is empty', () => {
      putAll('a', 'b', 'c');
      expect(keysOf(store.range(b('c'), b('a')))).toEqual([]);
      expect(keysOf(store.reverseRange(b('c'), b('a')))).toEqual([]);
    });

    it('reverseRange descends, with open bounds', () => {
      putAll('a', 'b', 'c', 'd');
      expect(keysOf(store.reverseRange(b('b'), b('c')))).toEqual(['c', 'b']);
      expect(keysOf(store.reverseRange(null, b('b')))).toEqual(['b', 'a']);
      expect(keysOf(store.reverseRange(b('c'), null))).toEqual(['d', 'c']);
      expect(keysOf(store.reverseRange(b('bb'), b('zz')))).toEqual(['d', 'c']);
    });

    it('all and reverseAll cover every entry', () => {
      putAll('b', 'c', 'a');
      expect(keysOf(store.all())).toEqual(['a', 'b', 'c']);
      expect(keysOf(store.reverseAll())).toEqual(['c', 'b', 'a']);
    });

    it('iterates an empty store', () => {
      expect(keysOf(store.all())).toEqual([]);
      expect(keysOf(store.reverseAll())).toEqual([]);
      expect(keysOf(store.range(b('a'), b('z')))).toEqual([]);
    });

    it('orders keys by unsigned bytes, shorter prefix first', () => {
      const keys = [[0xff], [0x80], [0x00], [0x7f], [0x01], [0xff, 0x00], [0x00, 0x00], [0x61], [0x61, 0x00]];
      for (const k of keys) store.put(b(k), b('v'));
      const expected = ['00', '0000', '01', '61', '6100', '7f', '80', 'ff', 'ff00'];
      const collect = (it: KeyValueIterator<Buffer, Buffer>): string[] => [...it].map((kv) => hex(kv.key));
      expect(collect(store.all())).toEqual(expected);
      expect(collect(store.reverseAll())).toEqual([...expected].reverse());
      expect(collect(store.range(b([0x7f]), b([0xff])))).toEqual(['7f', '80', 'ff']);
    });

    it('prefixScan returns keys starting with the serialized prefix', () => {
      putAll('a', 'ab', 'abc', 'abd', 'ac', 'b');
      expect(keysOf(store.prefixScan('ab', utf8Prefix))).toEqual(['ab', 'abc', 'abd']);
      expect(keysOf(store.prefixScan('x', utf8Prefix))).toEqual([]);
      expect(keysOf(store.prefixScan('', utf8Prefix))).toEqual(['a', 'ab', 'abc', 'abd', 'ac', 'b']);
    });

    it('prefixScan handles 0xff bytes in the prefix', () => {
      for (const k of [[0xfe], [0xff], [0xff, 0x01], [0xff, 0xff], [0xff, 0xff, 0x00]]) store.put(b(k), b('v'));
      const bytes: Serializer<number[]> = { serialize: (_t, p) => (p === null ? null : Buffer.from(p)) };
      expect([...store.prefixScan([0xff], bytes)].map((kv) => hex(kv.key))).toEqual(['ff', 'ff01', 'ffff', 'ffff00']);
      expect([...store.prefixScan([0xff, 0xff], bytes)].map((kv) => hex(kv.key))).toEqual(['ffff', 'ffff00']);
    });

    it('ranges stay correct across many keys (both directions)', () => {
      const keys = Array.from({ length: 1500 }, (_, i) => `k${String(i).padStart(5, '0')}`);
      for (const k of [...keys].reverse()) store.put(b(k), b(k));
      expect(keysOf(store.all())).toEqual(keys);
      expect(keysOf(store.reverseAll())).toEqual([...keys].reverse());
      expect(keysOf(store.range(b('k00100'), b('k01299')))).toEqual(keys.slice(100, 1300));
      expect(keysOf(store.reverseRange(b('k00100'), b('k01299')))).toEqual(keys.slice(100, 1300).reverse());
      store.flush();
      expect(store.approximateNumEntries()).toBe(1500);
    });

    it('iterators expose peekNextKey and fail past the end', () => {
      putAll('a', 'b');
      const it = store.all();
      expect(str(it.peekNextKey())).toBe('a');
      expect(str(it.next().key)).toBe('a');
      expect(str(it.peekNextKey())).toBe('b');
      expect(str(it.next().value)).toBe('B');
      expect(it.hasNext()).toBe(false);
      expect(() => it.next()).toThrow();
      expect(() => it.peekNextKey()).toThrow();
      it.close();
    });

    it('a closed iterator cannot be used; close is idempotent', () => {
      putAll('a', 'b');
      const it = store.range(b('a'), b('b'));
      it.close();
      it.close();
      expect(() => it.hasNext()).toThrow();
    });

    it('for...of closes the iterator, also on break', () => {
      putAll('a', 'b', 'c');
      const it = store.all();
      const seen: string[] = [];
      for (const kv of it) {
        seen.push(str(kv.key));
        if (seen.length === 2) break;
      }
      expect(seen).toEqual(['a', 'b']);
      expect(() => it.hasNext()).toThrow();
    });

    it('sees writes made between iterator steps without failing', () => {
      putAll('a', 'b', 'c', 'd');
      const it = store.all();
      expect(str(it.next().key)).toBe('a');
      store.delete(b('c'));
      store.put(b('b'), b('new'));
      const rest = drain(it);
      expect(rest[0]).toMatch(/^b=/);
      expect(rest[rest.length - 1]).toBe('d=D');
    });

    it('close makes the store unusable', async () => {
      store.put(b('a'), b('1'));
      await store.close();
      expect(store.isOpen()).toBe(false);
      expect(() => store.get(b('a'))).toThrow();
    });
  });
}
