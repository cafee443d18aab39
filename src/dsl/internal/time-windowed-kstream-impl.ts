// Kafka: TimeWindowedKStreamImpl + SlidingWindowedKStreamImpl
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
import {
  countAggregator,
  countInitializer,
  reduceAggregator,
  reduceInitializer,
  windowedAggregate,
} from './windowed-aggregate.js';

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
    const fns = { initializer: countInitializer, aggregator: countAggregator, merger: null };
    const store = m ?? Materialized.with(keySerde, Serdes.Long());
    return windowedAggregate(this.grouped, this.windows, this.strategy, n, store, 'KSTREAM-AGGREGATE-', Serdes.Long(), fns);
  }

  reduce(reducer: Reducer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const { keySerde, valueSerde } = this.grouped.grouping;
    const fns = { initializer: reduceInitializer, aggregator: reduceAggregator(reducer), merger: null };
    const store = m ?? Materialized.with(keySerde, valueSerde);
    return windowedAggregate(this.grouped, this.windows, this.strategy, n, store, 'KSTREAM-REDUCE-', valueSerde, fns);
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const fns = { initializer, aggregator, merger: null };
    const store = m ?? Materialized.with(this.grouped.grouping.keySerde, null);
    return windowedAggregate(this.grouped, this.windows, this.strategy, n, store, 'KSTREAM-AGGREGATE-', null, fns);
  }

  emitStrategy(emitStrategy: EmitStrategy): TimeWindowedKStream<K, V> {
    return new TimeWindowedKStreamImpl(this.grouped, this.windows, emitStrategy);
  }
}
