import type { GraphVisitor } from '../graph/graph-node.js';
import type { StoreSpec } from '../graph/store-spec.js';

/** What validation needs of a DSL store (key-value, window, session or suppression buffer). */
export type ResourceStore = Pick<StoreSpec, 'name' | 'generatedName' | 'loggingEnabled'>;
import type { TableSemantics } from './table-semantics.js';
import { foreignKeyJoinResources, streamStreamJoinResources } from './join-resources.js';

/** What a node contributes to the topology, for validation before anything is written. */
export interface NodeResources {
  /** Topology node names the node creates. */
  readonly names: readonly string[];
  /** DSL stores the node adds (user `addStateStore` builders are listed by name in `addedStores`). */
  readonly stores: readonly ResourceStore[];
  /** Store names added without a spec (user store builders). */
  readonly addedStores: readonly string[];
  /** Store names the node only connects to; they must be added by some node. */
  readonly usedStores: readonly string[];
  /**
   * Stream repartition topic, with whether its name was generated. Kafka's naming check
   * (KIP-1111) skips grouped-table repartitions: their name follows the store's, which is
   * checked.
   */
  readonly repartitionTopic: { readonly name: string; readonly generated: boolean } | null;
  /**
   * DSL stores whose names the naming check covers, with whether they have a changelog.
   * Table sources count even when not materialized, as in Kafka.
   */
  readonly namedStores: readonly { readonly spec: ResourceStore; readonly changelog: boolean }[];
}

const none = (...names: string[]): NodeResources => ({ names, stores: [], addedStores: [], usedStores: [], repartitionTopic: null, namedStores: [] });
const named = (spec: ResourceStore, changelog = spec.loggingEnabled) => [{ spec, changelog }];
const withStore = (name: string, store: ResourceStore | null): NodeResources => ({
  ...none(name),
  stores: store === null ? [] : [store],
  namedStores: store === null ? [] : named(store),
});

/** Lists each node's resources (exhaustive: a new node kind must say what it creates). */
export const graphResources: GraphVisitor<NodeResources, TableSemantics> = {
  'stream-source': (n) => none(n.name),
  'table-source': (n, t) => ({
    ...none(n.sourceName, n.name),
    stores: t.materialized(n.id) ? [n.store] : [],
    namedStores: named(n.store, n.store.loggingEnabled && !n.reuseSourceTopic),
  }),
  'state-store': (n) => ({ ...none(), addedStores: [n.builder.name] }),
  'global-table-source': (n) => ({ ...none(n.sourceName, n.name), stores: [n.store], namedStores: named(n.store, false) }),
  'stream-table-join': (n) => none(n.name),
  'table-table-join': (n) => ({ ...withStore(n.name, n.store), names: [n.thisName, n.otherName, n.name] }),
  'foreign-key-join': (n, t) => foreignKeyJoinResources(n, t),
  'stream-stream-join': (n) => streamStreamJoinResources(n),
  filter: (n) => none(n.name),
  map: (n) => none(n.name),
  'select-key': (n) => none(n.name),
  'map-values': (n) => none(n.name),
  'flat-map': (n) => none(n.name),
  'flat-map-values': (n) => none(n.name),
  peek: (n) => none(n.name),
  foreach: (n) => none(n.name),
  merge: (n) => none(n.name),
  branch: (n) => none(n.name),
  'pass-through': (n) => none(n.name),
  process: (n) => ({ ...none(n.name), usedStores: n.storeNames, addedStores: suppliedStores(n.supplier) }),
  'process-values': (n) => ({ ...none(n.name), usedStores: n.storeNames, addedStores: suppliedStores(n.supplier) }),
  'stream-sink': (n) => none(n.name),
  repartition: (n) => ({ ...none(n.filterName, n.sinkName, n.name), repartitionTopic: { name: n.topic, generated: n.generatedTopic } }),
  'stream-to-table': (n, t) => ({ ...none(n.name), stores: t.materialized(n.id) ? [n.store] : [], namedStores: named(n.store) }),
  'stream-aggregate': (n) => ({ ...withStore(n.name, n.store), usedStores: n.store === null ? [n.storeName] : [] }),
  'cogroup-merge': (n) => none(n.name),
  'table-filter': (n) => withStore(n.name, n.store),
  'table-map-values': (n) => withStore(n.name, n.store),
  'table-transform-values': (n) => ({ ...withStore(n.name, n.store), usedStores: n.storeNames }),
  'table-to-stream': (n) => none(n.name),
  'table-group-by': (n) => none(n.name),
  'table-repartition': (n) => none(n.sinkName, n.name),
  'table-aggregate': (n) => withStore(n.name, n.store),
  'window-aggregate': (n) => ({ ...withStore(n.name, n.store), usedStores: n.store === null ? [n.storeName] : [] }),
  'table-suppress': (n) => withStore(n.name, { name: n.storeName, generatedName: n.generatedStoreName, loggingEnabled: n.loggingEnabled }),
};

/** Store names a `{ get, stores() }` supplier adds itself (Kafka's ConnectedStoreProvider). */
function suppliedStores(supplier: unknown): string[] {
  const stores = typeof supplier === 'object' && supplier !== null ? (supplier as { stores?: () => readonly { name: string }[] }).stores : undefined;
  return typeof stores === 'function' ? stores.call(supplier).map((b) => b.name) : [];
}
