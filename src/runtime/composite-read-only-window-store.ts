// Kafka: CompositeReadOnlyWindowStore (interactive queries over this process's tasks)
import type { KeyValueIterator } from '../state/key-value-iterator.js';
import type { StateStore } from '../state/state-store.js';
import type { ReadOnlyWindowStore, WindowStore, WindowStoreIterator } from '../state/window-store.js';
import type { Windowed } from '../windows/windowed.js';
import { availableStores } from './available-stores.js';
import { chainIterators } from './chain-iterators.js';

/**
 * A read-only view of one window store across the tasks running in this process. A key
 * lives in one task, so single-key reads find it in that task's store; range reads chain
 * the tasks' results, one task after another (as in Kafka, not merged into one order).
 */
export class CompositeReadOnlyWindowStore<K, V> implements ReadOnlyWindowStore<K, V> {
  constructor(
    private readonly name: string,
    private readonly stores: () => StateStore[],
  ) {}

  fetch(key: K, windowStart: number): V | null;
  fetch(key: K, timeFrom: number, timeTo: number): WindowStoreIterator<V>;
  fetch(keyFrom: K | null, keyTo: K | null, timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V>;
  fetch(...args: unknown[]): V | null | KeyValueIterator<unknown, V> {
    if (args.length === 2) {
      for (const s of this.instances()) {
        const v = s.fetch(args[0] as K, args[1] as number);
        if (v !== null) return v;
      }
      return null;
    }
    return chainIterators(this.instances().map((s) => (s.fetch as (...a: unknown[]) => KeyValueIterator<unknown, V>)(...args)));
  }

  backwardFetch(key: K, timeFrom: number, timeTo: number): WindowStoreIterator<V>;
  backwardFetch(keyFrom: K | null, keyTo: K | null, timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V>;
  backwardFetch(...args: unknown[]): KeyValueIterator<unknown, V> {
    return chainIterators(this.instances().map((s) => (s.backwardFetch as (...a: unknown[]) => KeyValueIterator<unknown, V>)(...args)));
  }

  fetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V> {
    return chainIterators(this.instances().map((s) => s.fetchAll(timeFrom, timeTo)));
  }

  backwardFetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V> {
    return chainIterators(this.instances().map((s) => s.backwardFetchAll(timeFrom, timeTo)));
  }

  all(): KeyValueIterator<Windowed<K>, V> {
    return chainIterators(this.instances().map((s) => s.all()));
  }

  backwardAll(): KeyValueIterator<Windowed<K>, V> {
    return chainIterators(this.instances().map((s) => s.backwardAll()));
  }

  private instances(): WindowStore<K, V>[] {
    return availableStores<WindowStore<K, V>>(this.name, this.stores);
  }
}
