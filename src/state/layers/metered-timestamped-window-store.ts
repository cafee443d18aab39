// Kafka: MeteredTimestampedWindowStore
import type { Serde } from '../../serdes/serde.js';
import type { StateStoreContext } from '../state-store-context.js';
import type { TimestampedWindowStore } from '../window-store.js';
import type { ValueAndTimestamp } from '../value-and-timestamp.js';
import type { WindowedBytesStore } from '../windowed-bytes-store.js';
import { defaultSerde } from '../internals/default-serde.js';
import { TIMESTAMPED_STORE } from '../internals/timestamped-bytes.js';
import { valueAndTimestampSerde } from '../internals/value-and-timestamp-serde.js';
import { MeteredWindowStore } from './metered-window-store.js';

/**
 * The typed outer layer of a timestamped window store (the DSL's): values are stored as
 * `timestamp(8) + value`, and the changelog carries the raw value with the timestamp as
 * the record timestamp.
 */
export class MeteredTimestampedWindowStore<K, V> extends MeteredWindowStore<K, ValueAndTimestamp<V>> implements TimestampedWindowStore<K, V> {
  readonly [TIMESTAMPED_STORE] = true;

  constructor(
    wrapped: WindowedBytesStore,
    windowSize: number,
    retainDuplicates: boolean,
    metricsScope: string,
    keySerde: Serde<K> | null,
    private readonly plainValueSerde: Serde<V> | null,
  ) {
    super(wrapped, windowSize, retainDuplicates, metricsScope, keySerde, null);
  }

  protected override resolveValueSerde(context: StateStoreContext): Serde<ValueAndTimestamp<V>> {
    return valueAndTimestampSerde(this.plainValueSerde ?? (defaultSerde(context, 'value', this.name) as Serde<V>));
  }
}
