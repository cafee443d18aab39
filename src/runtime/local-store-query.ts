// Kafka: KafkaStreams#store and QueryableStoreProvider (local stores only)
import { InvalidStateStoreError } from '../errors/invalid-state-store-error.js';
import { StreamsError } from '../errors/streams-error.js';
import { SessionStoreBuilder } from '../state/builders/session-store-builder.js';
import { TimestampedWindowStoreBuilder, WindowStoreBuilder } from '../state/builders/window-store-builder.js';
import type { StateStore } from '../state/state-store.js';
import type { Topology } from '../topology/topology.js';
import { compositeStore } from './composite-store.js';
import { CompositeReadOnlySessionStore } from './composite-read-only-session-store.js';
import { CompositeReadOnlyWindowStore } from './composite-read-only-window-store.js';
import { queryableTypeOf } from './queryable-store-types.js';
import type { StoreQueryParameters } from './store-query-parameters.js';
import type { ActiveTask } from './task-manager.js';

/** Where a store's instances are in this process (read at every call: views follow rebalances). */
export interface LocalStores {
  readonly topology: Topology;
  tasks(): Iterable<ActiveTask>;
  /** Standby replicas' instances of a store (of one partition, or all). */
  standbys(name: string, partition: number | null): StateStore[];
  global(name: string): StateStore | null;
}

/**
 * `KafkaStreams.store()`: a read-only view of a store over this process's tasks. By name,
 * values as stored, the view's kind from the store's builder; with `StoreQueryParameters`,
 * the type checked and chosen by `QueryableStoreTypes`, limited to one partition's task or
 * widened to tasks still restoring and standby replicas.
 */
export function queryLocalStore(local: LocalStores, target: string | StoreQueryParameters<unknown>): unknown {
  const parameters = typeof target === 'string' ? null : target;
  const name = typeof target === 'string' ? target : target.storeName;
  const spec = local.topology.stores.get(name);
  if (!spec) throw new StreamsError(`No store named "${name}" in this topology.`);
  const type = parameters?.queryableStoreType ?? null;
  if (type !== null && !type.accepts(spec.builder)) {
    const actual = queryableTypeOf(spec.builder);
    throw new InvalidStateStoreError(
      `Cannot get state store "${name}": QueryableStoreTypes.${type.name}() does not accept it` +
        (actual === null ? ' (a custom store; query it by name).' : `; it is a ${actual} (use QueryableStoreTypes.${actual}()).`),
    );
  }
  const global = local.global(name);
  if (global) return type !== null ? type.create(name, () => [global]) : compositeStore(name, () => [global]);
  const partition = parameters?.partition ?? null;
  const stale = parameters?.staleStoresEnabled ?? false;
  const stores = (): StateStore[] => [
    ...[...local.tasks()]
      .filter((t) => (t.state === 'running' || (stale && t.state === 'restoring')) && (partition === null || t.task.taskId.partition === partition))
      .filter((t) => t.task.storeNames().includes(name))
      .map((t) => t.task.store(name)),
    ...(stale ? local.standbys(name, partition) : []),
  ];
  if (type !== null) return type.create(name, stores);
  const { builder } = spec;
  if (builder instanceof WindowStoreBuilder || builder instanceof TimestampedWindowStoreBuilder) return new CompositeReadOnlyWindowStore(name, stores);
  if (builder instanceof SessionStoreBuilder) return new CompositeReadOnlySessionStore(name, stores);
  return compositeStore(name, stores);
}
