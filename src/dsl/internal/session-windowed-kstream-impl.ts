// Kafka: SessionWindowedKStreamImpl
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
import {
  countAggregator,
  countInitializer,
  countMerger,
  reduceAggregator,
  reduceInitializer,
  windowedAggregate,
} from './windowed-aggregate.js';

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
    const fns = { initializer: countInitializer, aggregator: countAggregator, merger: countMerger };
    const store = m ?? Materialized.with(keySerde, Serdes.Long());
    return windowedAggregate(this.grouped, this.windows, this.strategy, n, store, 'KSTREAM-AGGREGATE-', Serdes.Long(), fns);
  }

  reduce(reducer: Reducer<V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const { keySerde, valueSerde } = this.grouped.grouping;
    const aggregator = reduceAggregator(reducer);
    // Kafka's mergerForAggregator: merging two sessions folds the second into the first.
    const merger = (key: unknown, a: V | null, b: V): V => aggregator(key, b, a);
    const fns = { initializer: reduceInitializer, aggregator, merger };
    const store = m ?? Materialized.with(keySerde, valueSerde);
    return windowedAggregate(this.grouped, this.windows, this.strategy, n, store, 'KSTREAM-REDUCE-', valueSerde, fns);
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    merger: Merger<K, VA>,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const [n, m] = splitNamedAndMaterialized(named, materialized);
    const fns = { initializer, aggregator, merger };
    const store = m ?? Materialized.with(this.grouped.grouping.keySerde, null);
    return windowedAggregate(this.grouped, this.windows, this.strategy, n, store, 'KSTREAM-AGGREGATE-', null, fns);
  }

  emitStrategy(emitStrategy: EmitStrategy): SessionWindowedKStream<K, V> {
    return new SessionWindowedKStreamImpl(this.grouped, this.windows, emitStrategy);
  }
}
