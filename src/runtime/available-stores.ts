import { InvalidStateStoreError } from '../errors/invalid-state-store-error.js';
import type { StateStore } from '../state/state-store.js';

/**
 * The instances of store `name` held by this process's running tasks, read at each call so a
 * composite view follows rebalances. None: `InvalidStateStoreError` (retry after the
 * rebalance, as in Kafka).
 */
export function availableStores<S>(name: string, stores: () => StateStore[]): S[] {
  const list = stores();
  if (list.length === 0) {
    throw new InvalidStateStoreError(`Store "${name}" is not available in this process right now (no running task holds it; it may be rebalancing or restoring).`);
  }
  return list as S[];
}
