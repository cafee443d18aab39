import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyValueIterator } from '../../src/state/key-value-iterator.js';
import type { SessionStore } from '../../src/state/session-store.js';
import { SessionWindow } from '../../src/windows/window.js';
import { Windowed } from '../../src/windows/windowed.js';

/** A session store under test (String keys, Long aggregates), initialised, and how to dispose of it. */
export interface SessionStoreUnderTest {
  readonly store: SessionStore<string, number>;
  readonly retentionPeriod: number;
  dispose(): Promise<void>;
  /** Has a record cache: Kafka's caches serve cached entries regardless of retention. */
  readonly cached?: boolean;
}

const session = (key: string, start: number, end: number): Windowed<string> => new Windowed(key, new SessionWindow(start, end));

/** `key@start/end=agg` per session. */
function sessions(it: KeyValueIterator<Windowed<string>, number>): string[] {
  return [...it].map((kv) => `${kv.key.key}@${kv.key.window.start}/${kv.key.window.end}=${kv.value}`);
}

/**
 * The behaviour every `SessionStore` must have: put/remove/fetchSession, `findSessions`
 * overlap semantics (end >= earliest end, start <= latest start), order by key, end, start,
 * time-ordered scans by session end, key ranges, retention against the largest end seen.
 */
export function sessionStoreContract(name: string, create: () => Promise<SessionStoreUnderTest>): void {
  describe(`SessionStore contract: ${name}`, () => {
    let sut: SessionStoreUnderTest;
    let store: SessionStore<string, number>;

    beforeEach(async () => {
      sut = await create();
      store = sut.store;
    });

    afterEach(async () => {
      await sut.dispose();
    });

    it('puts, fetches and removes sessions', () => {
      store.put(session('a', 0, 5), 2);
      store.put(session('a', 10, 10), 1);
      expect(store.fetchSession('a', 0, 5)).toBe(2);
      expect(store.fetchSession('a', 0, 4)).toBeNull();
      store.put(session('a', 0, 5), 3);
      expect(store.fetchSession('a', 0, 5)).toBe(3);
      store.remove(session('a', 0, 5));
      expect(store.fetchSession('a', 0, 5)).toBeNull();
      store.put(session('a', 10, 10), null);
      expect(sessions(store.fetch('a'))).toEqual([]);
    });

    it('findSessions returns sessions overlapping [earliestEnd, latestStart], by end then start', () => {
      store.put(session('k', 0, 5), 1);
      store.put(session('k', 8, 12), 2);
      store.put(session('k', 20, 20), 3);
      store.put(session('k', 3, 30), 4);
      store.put(session('other', 8, 12), 9);
      expect(sessions(store.findSessions('k', 6, 19))).toEqual(['k@8/12=2', 'k@3/30=4']);
      expect(sessions(store.findSessions('k', 5, 8))).toEqual(['k@0/5=1', 'k@8/12=2', 'k@3/30=4']);
      expect(sessions(store.findSessions('k', 21, 40))).toEqual(['k@3/30=4']);
      expect(sessions(store.findSessions('k', 31, 40))).toEqual([]);
      expect(sessions(store.backwardFindSessions('k', 5, 8))).toEqual(['k@3/30=4', 'k@8/12=2', 'k@0/5=1']);
      expect(sessions(store.fetch('k'))).toEqual(['k@0/5=1', 'k@8/12=2', 'k@20/20=3', 'k@3/30=4']);
      expect(sessions(store.backwardFetch('k'))).toEqual(['k@3/30=4', 'k@20/20=3', 'k@8/12=2', 'k@0/5=1']);
    });

    it("keeps a key's sessions apart from keys that start with it", () => {
      store.put(session('a', 1, 2), 1);
      store.put(session('ab', 1, 2), 2);
      store.put(session('a\u0000', 1, 2), 3);
      expect(sessions(store.fetch('a'))).toEqual(['a@1/2=1']);
      expect(sessions(store.findSessions('ab', 0, 5))).toEqual(['ab@1/2=2']);
    });

    it('finds sessions of a key range, with open bounds', () => {
      store.put(session('a', 0, 1), 1);
      store.put(session('b', 0, 1), 2);
      store.put(session('b', 5, 9), 3);
      store.put(session('c', 0, 1), 4);
      expect(sessions(store.findSessions('b', 'c', 0, 4))).toEqual(['b@0/1=2', 'c@0/1=4']);
      expect(sessions(store.findSessions(null, 'b', 2, 10))).toEqual(['b@5/9=3']);
      expect(sessions(store.fetch('b', null))).toEqual(['b@0/1=2', 'b@5/9=3', 'c@0/1=4']);
      expect(sessions(store.backwardFetch(null, 'b'))).toEqual(['b@5/9=3', 'b@0/1=2', 'a@0/1=1']);
    });

    it('finds sessions of all keys by end time: by end, then start, then key', () => {
      store.put(session('b', 2, 10), 1);
      store.put(session('a', 4, 10), 2);
      store.put(session('a', 0, 5), 3);
      store.put(session('c', 2, 10), 4);
      store.put(session('a', 11, 11), 5);
      expect(sessions(store.findSessions(5, 10))).toEqual(['a@0/5=3', 'b@2/10=1', 'c@2/10=4', 'a@4/10=2']);
      expect(sessions(store.findSessions(11, 11))).toEqual(['a@11/11=5']);
    });

    it('drops sessions whose end falls out of retention', (ctx) => {
      // Skipped for caching layers: like Kafka's, they serve what they cache until evicted
      // (the retention is the store's below; test/state/windowed covers the cached case).
      if (sut.cached === true) ctx.skip();
      const r = sut.retentionPeriod;
      store.put(session('k', 0, 10), 1);
      store.put(session('k', 20, 30), 2);
      store.put(session('k', r + 30, r + 30), 3);
      expect(store.fetchSession('k', 0, 10)).toBeNull();
      expect(store.fetchSession('k', 20, 30)).toBeNull();
      expect(sessions(store.fetch('k'))).toEqual([`k@${r + 30}/${r + 30}=3`]);
      store.put(session('k', 5, 25), 9);
      expect(store.fetchSession('k', 5, 25)).toBeNull();
      store.put(session('k', 31, 31), 4);
      expect(store.fetchSession('k', 31, 31)).toBe(4);
    });
  });
}
