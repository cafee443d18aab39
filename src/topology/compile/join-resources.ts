import type { ForeignKeyJoinNode } from '../graph/foreign-key-join-node.js';
import type { StreamStreamJoinNode } from '../graph/stream-stream-join-node.js';
import type { StoreSpec } from '../graph/store-spec.js';
import type { NodeResources } from './graph-resources.js';
import type { TableSemantics } from './table-semantics.js';

/**
 * What a foreign-key join adds: ten topology nodes, the subscription store (always logged,
 * never cached), the result store when materialized, and its subscription topic.
 */
export function foreignKeyJoinResources(n: ForeignKeyJoinNode, t: TableSemantics): NodeResources {
  const f = n.names;
  const subscription: StoreSpec = {
    name: f.subscriptionStore,
    generatedName: n.generatedNames,
    keySerde: null,
    valueSerde: null,
    cachingEnabled: false,
    loggingEnabled: true,
    logConfig: {},
    supplier: null,
    storeType: null,
  };
  const result = t.materialized(n.id) ? [n.resultStore] : [];
  return {
    names: [f.send, f.registrationSink, f.registrationSource, f.receive, f.joinForeign, f.foreignJoin, f.responseSink, f.responseSource, f.resolver, n.name],
    stores: [subscription, ...result],
    addedStores: [],
    usedStores: [],
    repartitionTopic: { name: f.registrationTopic, generated: n.generatedNames },
    namedStores: [{ spec: subscription, changelog: true }, ...result.map((spec) => ({ spec, changelog: spec.loggingEnabled }))],
  };
}

/** A stream-stream join: five processors and its window stores (and the outer store), all logged unless disabled. */
export function streamStreamJoinResources(n: StreamStreamJoinNode): NodeResources {
  const spec = (name: string): StoreSpec => ({
    name,
    generatedName: n.generatedStoreNames,
    keySerde: null,
    valueSerde: null,
    cachingEnabled: false,
    loggingEnabled: n.loggingEnabled,
    logConfig: n.logConfig,
    supplier: null,
    storeType: null,
  });
  const stores = [n.thisStore.name, n.otherStore.name, ...(n.outerStore === null ? [] : [n.outerStore])].map(spec);
  return {
    names: [n.thisWindowedName, n.otherWindowedName, n.thisJoinName, n.otherJoinName, n.name],
    stores,
    addedStores: [],
    usedStores: [],
    repartitionTopic: null,
    namedStores: stores.map((s) => ({ spec: s, changelog: s.loggingEnabled })),
  };
}
