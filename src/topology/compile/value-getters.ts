// Kafka: KTableImpl.valueGetterSupplier() and the view() of every table processor
import { TopologyError } from '../../errors/topology-error.js';
import { filterGetter, mapValuesGetter, storeGetter, transformValuesGetter, type KTableValueGetterSupplier } from '../../processor/builtin/joins/ktable-value-getter.js';
import { tableJoinGetter } from '../../processor/builtin/joins/ktable-ktable-join-value-getter.js';
import type { GraphNode } from '../graph/graph-node.js';

/**
 * How a processor reads table `id`'s current rows: from the table's store, or computed
 * through unmaterialized `filter`/`mapValues`/joins from the stores upstream. Table
 * semantics have already materialized the sources such a getter reads.
 */
export function valueGetterSupplier(node: (id: number) => GraphNode, id: number): KTableValueGetterSupplier {
  const n = node(id);
  switch (n.kind) {
    case 'table-source':
    case 'stream-to-table':
    case 'global-table-source':
      return storeGetter(n.store.name);
    case 'foreign-key-join':
      return storeGetter(n.resultStore.name);
    case 'stream-aggregate':
      return storeGetter(n.storeName);
    case 'table-aggregate':
      return storeGetter(n.store.name);
    case 'table-filter':
      return n.store !== null ? storeGetter(n.store.name) : filterGetter(valueGetterSupplier(node, n.parents[0]!), n.predicate, n.negate);
    case 'table-map-values':
      return n.store !== null ? storeGetter(n.store.name) : mapValuesGetter(valueGetterSupplier(node, n.parents[0]!), n.mapper);
    case 'table-transform-values':
      return n.store !== null ? storeGetter(n.store.name) : transformValuesGetter(valueGetterSupplier(node, n.parents[0]!), n.supplier);
    case 'table-table-join':
      if (n.store !== null) return storeGetter(n.store.name);
      return tableJoinGetter(n.joinType, valueGetterSupplier(node, n.parents[0]!), valueGetterSupplier(node, n.parents[1]!), n.joiner);
    default:
      throw new TopologyError([
        { code: 'unsupported-join', node: n.name, message: `Joining the table of "${n.name}" (${n.kind}) is not supported: materialize it first (e.g. toStream().toTable(Materialized.as(name))).` },
      ]);
  }
}

/**
 * Table nodes whose stores a getter of `id` reads (Kafka materializes a source table as soon
 * as `valueGetterSupplier()` is called on it, or on a table computed from it).
 */
export function getterSources(node: (id: number) => GraphNode, id: number): number[] {
  const n = node(id);
  switch (n.kind) {
    case 'table-source':
    case 'stream-to-table':
    case 'foreign-key-join':
      return [id];
    case 'table-filter':
    case 'table-map-values':
    case 'table-transform-values':
      return n.store !== null ? [] : getterSources(node, n.parents[0]!);
    case 'table-table-join':
      return n.store !== null ? [] : [...getterSources(node, n.parents[0]!), ...getterSources(node, n.parents[1]!)];
    default:
      return [];
  }
}
