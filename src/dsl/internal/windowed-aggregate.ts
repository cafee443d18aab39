// Kafka: GroupedStreamAggregateBuilder.build for windowed aggregations
import type { Serde } from '../../serdes/serde.js';
import { WindowAggregateNode } from '../../topology/graph/window-aggregate-node.js';
import type { WindowedStoreSpec } from '../../topology/graph/windowed-store-spec.js';
import type { EmitStrategy } from '../../windows/emit-strategy.js';
import type { Windowed } from '../../windows/windowed.js';
import type { KTable } from '../ktable.js';
import type { KGroupedStreamImpl } from './kgrouped-stream-impl.js';
import { KTableImpl } from './ktable-impl.js';
import type { Materialized } from '../materialized.js';
import type { Named } from '../named.js';
import { materializedInternal } from './materialized-internal.js';
import { windowedKeySerde, windowedStoreSpec, type AnyWindows } from './windowed-store.js';

/** What a windowed aggregation computes. */
export interface WindowedAggregation {
  readonly windows: AnyWindows;
  readonly initializer: () => unknown;
  readonly aggregator: (key: any, value: any, aggregate: any) => unknown;
  readonly merger: ((key: any, aggregate1: any, aggregate2: any) => unknown) | null;
  readonly emitStrategy: EmitStrategy;
}

/** Count as an aggregation (records with null values count too, as in Kafka's windowed count). */
export const countInitializer = (): number => 0;
export const countAggregator = (_key: unknown, _value: unknown, count: number): number => count + 1;
export const countMerger = (_key: unknown, a: number, b: number): number => a + b;
export const reduceInitializer = (): null => null;

/** Kafka's `aggregatorForReducer`: the first value starts the result. */
export function reduceAggregator<V>(reducer: (aggregate: V, value: V) => V): (key: unknown, value: V, aggregate: V | null) => V {
  return (_key, value, aggregate) => (aggregate == null ? value : reducer(aggregate, value));
}

/**
 * Adds the aggregate node (after the grouping's repartition, if any) and returns the
 * windowed result table, keyed by `Windowed<K>` with the windowed key serde.
 */
export function addWindowAggregate<K, VA>(
  grouped: KGroupedStreamImpl<K, any>,
  name: string,
  store: WindowedStoreSpec,
  aggregation: WindowedAggregation,
): KTable<Windowed<K>, VA> {
  const builder = grouped.builder;
  const parent = grouped.repartitionParent(store.name, store.generatedName);
  const node = builder.add(WindowAggregateNode.create({ id: builder.nextId(), name, parents: [parent.id], ...aggregation, storeName: store.name, store }));
  const sourceNodes = parent === grouped.node ? grouped.sourceNodes : [parent.name];
  return new KTableImpl<Windowed<K>, VA>(
    builder,
    node,
    windowedKeySerde(store.keySerde as Serde<K> | null, aggregation.windows),
    store.valueSerde as Serde<VA> | null,
    sourceNodes,
    store.generatedName ? null : store.name,
  );
}

/**
 * The aggregation of a `TimeWindowedKStream` or `SessionWindowedKStream`: the window store
 * from `m` (named with `prefix` when `m` names none), the node as `named` says or with a
 * generated `prefix` name, then `addWindowAggregate`.
 */
export function windowedAggregate<K, VA>(
  grouped: KGroupedStreamImpl<K, any>,
  windows: AnyWindows,
  emitStrategy: EmitStrategy,
  named: Named | undefined,
  m: Materialized<any, any>,
  prefix: string,
  defaultValueSerde: Serde<any> | null,
  fns: Pick<WindowedAggregation, 'initializer' | 'aggregator' | 'merger'>,
): KTable<Windowed<K>, VA> {
  const builder = grouped.builder;
  const mi = materializedInternal(m, builder, prefix);
  const store = windowedStoreSpec(mi, windows, emitStrategy, { keySerde: grouped.grouping.keySerde, valueSerde: defaultValueSerde });
  const name = builder.nameOrGenerate(named?.name ?? null, prefix);
  return addWindowAggregate<K, VA>(grouped, name, store, { windows, emitStrategy, ...fns });
}
