// Kafka: SessionWindowedKStreamImpl
import type { Serde } from '../../serdes/serde.js';
import { Serdes } from '../../serdes/serdes.js';
import { EmitStrategy } from '../../windows/emit-strategy.js';
import type { SessionWindows } from '../../windows/session-windows.js';
import type { Windowed } from '../../windows/windowed.js';
import type { Initializer, Merger, Reducer } from '../functions.js';
import type { KTable } from '../ktable.js';
import { Materialized } from '../materialized.js';
import type { Named } from '../named.js';
import type { SessionWindowedKStream } from '../session-windowed-kstream.js';
import { splitNamedAndMaterialized } from './arguments.js';
import type { KGroupedStreamImpl } from './kgrouped-stream-impl.js';
import { materializedInternal } from './materialized-internal.js';
import { addWindowAggregate, countAggregator, countInitializer, countMerger, reduceAggregator, reduceInitializer } from './windowed-aggregate.js';
import { windowedStoreSpec } from './windowed-store.js';

/** The immutable `SessionWindowedKStream`. */
export class SessionWindowedKStreamImpl<K, V> implements SessionWindowedKStream<K, V> {
  constructor(
    private readonly grouped: KGroupedStreamImpl<K, V>,
    private readonly windows: SessionWindows,
    private readonly strategy: EmitStrategy = EmitStrategy.onWindowUpdate(),
  ) {}

  count(named?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<Windowed<K>, number> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    // Kafka burns a name for an unnamed Materialized (compatibility).
    if (m !== undefined && m.storeName === null && m.storeSupplier === null) this.grouped.builder.newStoreName('KSTREAM-AGGREGATE-');
    const keySerde = this.grouped.grouping.keySerde;
    return this.build(n, m ?? Materialized.with(keySerde, Serdes.Long()), 'KSTREAM-AGGREGATE-', Serdes.Long(), countInitializer, countAggregator, countMerger);
  }

  reduce(reducer: Reducer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const { keySerde, valueSerde } = this.grouped.grouping;
    const aggregator = reduceAggregator(reducer);
    // Kafka's mergerForAggregator: merging two sessions folds the second into the first.
    const merger = (key: unknown, a: V | null, b: V): V => aggregator(key, b, a);
    return this.build(n, m ?? Materialized.with(keySerde, valueSerde), 'KSTREAM-REDUCE-', valueSerde, reduceInitializer, aggregator, merger);
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    merger: Merger<K, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    return this.build(n, m ?? Materialized.with(this.grouped.grouping.keySerde, null), 'KSTREAM-AGGREGATE-', null, initializer, aggregator, merger);
  }

  emitStrategy(emitStrategy: EmitStrategy): SessionWindowedKStream<K, V> {
    return new SessionWindowedKStreamImpl(this.grouped, this.windows, emitStrategy);
  }

  private build<VA>(
    named: Named | undefined,
    m: Materialized<any, any>,
    prefix: string,
    defaultValueSerde: Serde<any> | null,
    initializer: () => unknown,
    aggregator: (key: any, value: any, aggregate: any) => unknown,
    merger: (key: any, a: any, b: any) => unknown,
  ): KTable<Windowed<K>, VA> {
    const builder = this.grouped.builder;
    const mi = materializedInternal(m, builder, prefix);
    const store = windowedStoreSpec(mi, this.windows, this.strategy, { keySerde: this.grouped.grouping.keySerde, valueSerde: defaultValueSerde });
    const name = builder.nameOrGenerate(named?.name ?? null, prefix);
    return addWindowAggregate<K, VA>(this.grouped, name, store, { windows: this.windows, initializer, aggregator, merger, emitStrategy: this.strategy });
  }
}
