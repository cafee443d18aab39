// Kafka: TimeWindowedCogroupedKStreamImpl, SlidingWindowedCogroupedKStreamImpl, SessionWindowedCogroupedKStreamImpl
import type { Serde } from '../../serdes/serde.js';
import { WindowAggregateNode } from '../../topology/graph/window-aggregate-node.js';
import { EmitStrategy } from '../../windows/emit-strategy.js';
import { SessionWindows } from '../../windows/session-windows.js';
import type { Windowed } from '../../windows/windowed.js';
import { TopologyError } from '../../errors/topology-error.js';
import type { Initializer, Merger } from '../functions.js';
import type { KTable } from '../ktable.js';
import { Materialized } from '../materialized.js';
import type { Named } from '../named.js';
import type { SessionWindowedCogroupedKStream, TimeWindowedCogroupedKStream } from '../windowed-cogrouped-kstream.js';
import { splitNamedAndMaterialized } from './arguments.js';
import type { CogroupedKStreamImpl } from './cogrouped-kstream-impl.js';
import { KTableImpl } from './ktable-impl.js';
import { materializedInternal } from './materialized-internal.js';
import { windowedKeySerde, windowedStoreSpec, type AnyWindows } from './windowed-store.js';

/** The immutable windowed cogroup (time, sliding or session windows; Kafka emits these on update only). */
export class WindowedCogroupedKStreamImpl<K, V> implements TimeWindowedCogroupedKStream<K, V>, SessionWindowedCogroupedKStream<K, V> {
  constructor(
    private readonly cogroup: CogroupedKStreamImpl<K, V>,
    private readonly windows: AnyWindows,
  ) {}

  aggregate(initializer: Initializer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V>;
  aggregate(initializer: Initializer<V>, merger: Merger<K, V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V>;
  aggregate(initializer: Initializer<V>, ...rest: unknown[]): KTable<Windowed<K>, V> {
    const sessions = this.windows instanceof SessionWindows;
    const merger = sessions ? (rest.shift() as Merger<K, V> | undefined) : undefined;
    if (sessions && typeof merger !== 'function') {
      throw new TopologyError([{ code: 'invalid-argument', message: 'A session-windowed cogroup needs a merger: aggregate(initializer, merger, ...).' }]);
    }
    const [n, m] = splitNamedAndMaterialized(rest[0] as Named | Materialized<K, V> | undefined, rest[1] as Materialized<K, V> | undefined);
    const builder = (this.cogroup as unknown as { first: { builder: import('./dsl-graph-builder.js').DslGraphBuilder } }).first.builder;
    const mi = materializedInternal(m ?? Materialized.with(null, null), builder, 'COGROUPKSTREAM-AGGREGATE-');
    const onUpdate = EmitStrategy.onWindowUpdate();
    const store = windowedStoreSpec(mi, this.windows, onUpdate, { keySerde: this.cogroup.firstKeySerde, valueSerde: null });
    const merge = this.cogroup.buildNodes(n?.name ?? null, store.name, store.generatedName, (base, aggregator, i) =>
      WindowAggregateNode.create({
        ...base,
        windows: this.windows,
        initializer,
        aggregator,
        merger: merger ?? null,
        emitStrategy: onUpdate,
        storeName: store.name,
        store: i === 0 ? store : null,
      }),
    );
    return new KTableImpl<Windowed<K>, V>(
      builder,
      merge,
      windowedKeySerde(store.keySerde as Serde<K> | null, this.windows),
      store.valueSerde as Serde<V> | null,
      [merge.name],
      store.generatedName ? null : store.name,
    );
  }
}
