// Kafka: TimeWindowedKStreamImpl + SlidingWindowedKStreamImpl
import type { Serde } from '../../serdes/serde.js';
import { Serdes } from '../../serdes/serdes.js';
import { EmitStrategy } from '../../windows/emit-strategy.js';
import { SlidingWindows } from '../../windows/sliding-windows.js';
import type { TimeWindows } from '../../windows/time-windows.js';
import type { Windowed } from '../../windows/windowed.js';
import type { Initializer, Reducer } from '../functions.js';
import type { KTable } from '../ktable.js';
import { Materialized } from '../materialized.js';
import type { Named } from '../named.js';
import type { TimeWindowedKStream } from '../time-windowed-kstream.js';
import { splitNamedAndMaterialized } from './arguments.js';
import type { KGroupedStreamImpl } from './kgrouped-stream-impl.js';
import { materializedInternal } from './materialized-internal.js';
import { addWindowAggregate, countAggregator, countInitializer, reduceAggregator, reduceInitializer } from './windowed-aggregate.js';
import { windowedStoreSpec } from './windowed-store.js';

/** The immutable `TimeWindowedKStream` over `TimeWindows` or `SlidingWindows`. */
export class TimeWindowedKStreamImpl<K, V> implements TimeWindowedKStream<K, V> {
  constructor(
    private readonly grouped: KGroupedStreamImpl<K, V>,
    private readonly windows: TimeWindows | SlidingWindows,
    private readonly strategy: EmitStrategy = EmitStrategy.onWindowUpdate(),
  ) {}

  count(named?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<Windowed<K>, number> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    // Kafka burns a name for an unnamed Materialized (time windows only, not sliding).
    if (m !== undefined && m.storeName === null && m.storeSupplier === null && !(this.windows instanceof SlidingWindows)) {
      this.grouped.builder.newStoreName('KSTREAM-AGGREGATE-');
    }
    const keySerde = this.grouped.grouping.keySerde;
    return this.build(n, m ?? Materialized.with(keySerde, Serdes.Long()), 'KSTREAM-AGGREGATE-', Serdes.Long(), countInitializer, countAggregator);
  }

  reduce(reducer: Reducer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const { keySerde, valueSerde } = this.grouped.grouping;
    return this.build(n, m ?? Materialized.with(keySerde, valueSerde), 'KSTREAM-REDUCE-', valueSerde, reduceInitializer, reduceAggregator(reducer));
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    return this.build(n, m ?? Materialized.with(this.grouped.grouping.keySerde, null), 'KSTREAM-AGGREGATE-', null, initializer, aggregator);
  }

  emitStrategy(emitStrategy: EmitStrategy): TimeWindowedKStream<K, V> {
    return new TimeWindowedKStreamImpl(this.grouped, this.windows, emitStrategy);
  }

  private build<VA>(
    named: Named | undefined,
    m: Materialized<any, any>,
    prefix: string,
    defaultValueSerde: Serde<any> | null,
    initializer: () => unknown,
    aggregator: (key: any, value: any, aggregate: any) => unknown,
  ): KTable<Windowed<K>, VA> {
    const builder = this.grouped.builder;
    const mi = materializedInternal(m, builder, prefix);
    const store = windowedStoreSpec(mi, this.windows, this.strategy, { keySerde: this.grouped.grouping.keySerde, valueSerde: defaultValueSerde });
    const name = builder.nameOrGenerate(named?.name ?? null, prefix);
    return addWindowAggregate<K, VA>(this.grouped, name, store, { windows: this.windows, initializer, aggregator, merger: null, emitStrategy: this.strategy });
  }
}
