// Kafka: CompositeReadOnlySessionStore (interactive queries over this process's tasks)
import type { KeyValueIterator } from '../state/key-value-iterator.js';
import type { ReadOnlySessionStore, SessionStore } from '../state/session-store.js';
import type { StateStore } from '../state/state-store.js';
import type { Windowed } from '../windows/windowed.js';
import { availableStores } from './available-stores.js';
import { chainIterators } from './chain-iterators.js';

type SessionIterator<K, AGG> = KeyValueIterator<Windowed<K>, AGG>;
type AnyArgs<K, AGG> = (...args: unknown[]) => SessionIterator<K, AGG>;

/**
 * A read-only view of one session store across the tasks running in this process. A key
 * lives in one task, so `fetchSession` finds it in that task's store; the other reads chain
 * the tasks' results, one task after another (as in Kafka).
 */
export class CompositeReadOnlySessionStore<K, AGG> implements ReadOnlySessionStore<K, AGG> {
  constructor(
    private readonly name: string,
    private readonly stores: () => StateStore[],
  ) {}

  findSessions(key: K, earliestSessionEndTime: number, latestSessionStartTime: number): SessionIterator<K, AGG>;
  findSessions(keyFrom: K | null, keyTo: K | null, earliestSessionEndTime: number, latestSessionStartTime: number): SessionIterator<K, AGG>;
  findSessions(...args: unknown[]): SessionIterator<K, AGG> {
    return chainIterators(this.instances().map((s) => (s.findSessions as AnyArgs<K, AGG>)(...args)));
  }

  backwardFindSessions(key: K, earliestSessionEndTime: number, latestSessionStartTime: number): SessionIterator<K, AGG>;
  backwardFindSessions(keyFrom: K | null, keyTo: K | null, earliestSessionEndTime: number, latestSessionStartTime: number): SessionIterator<K, AGG>;
  backwardFindSessions(...args: unknown[]): SessionIterator<K, AGG> {
    return chainIterators(this.instances().map((s) => (s.backwardFindSessions as AnyArgs<K, AGG>)(...args)));
  }

  fetchSession(key: K, sessionStartTime: number, sessionEndTime: number): AGG | null {
    for (const s of this.instances()) {
      const v = s.fetchSession(key, sessionStartTime, sessionEndTime);
      if (v !== null) return v;
    }
    return null;
  }

  fetch(key: K): SessionIterator<K, AGG>;
  fetch(keyFrom: K | null, keyTo: K | null): SessionIterator<K, AGG>;
  fetch(...args: unknown[]): SessionIterator<K, AGG> {
    return chainIterators(this.instances().map((s) => (s.fetch as AnyArgs<K, AGG>)(...args)));
  }

  backwardFetch(key: K): SessionIterator<K, AGG>;
  backwardFetch(keyFrom: K | null, keyTo: K | null): SessionIterator<K, AGG>;
  backwardFetch(...args: unknown[]): SessionIterator<K, AGG> {
    return chainIterators(this.instances().map((s) => (s.backwardFetch as AnyArgs<K, AGG>)(...args)));
  }

  private instances(): SessionStore<K, AGG>[] {
    return availableStores<SessionStore<K, AGG>>(this.name, this.stores);
  }
}
