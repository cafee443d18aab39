// Kafka: MeteredTimestampedKeyValueStore
import type { Serde } from '../../serdes/serde.js';
import type { KeyValueBytesStore } from '../key-value-bytes-store.js';
import type { StateStoreContext } from '../state-store-context.js';
import type { TimestampedKeyValueStore } from '../timestamped-key-value-store.js';
import type { ValueAndTimestamp } from '../value-and-timestamp.js';
import { defaultSerde } from '../internals/default-serde.js';
import { TIMESTAMPED_STORE } from '../internals/timestamped-bytes.js';
import { valueAndTimestampSerde } from '../internals/value-and-timestamp-serde.js';
import { MeteredKeyValueStore } from './metered-key-value-store.js';

/**
 * The typed outer layer of a timestamped key-value store: values are stored as
 * `timestamp(8, BE) + value bytes` (Java's layout). Being marked timestamped makes the
 * backend re-add the timestamp to raw changelog values on restore.
 */
export class MeteredTimestampedKeyValueStore<K, V>
  extends MeteredKeyValueStore<K, ValueAndTimestamp<V>>
  implements TimestampedKeyValueStore<K, V>
{
  readonly [TIMESTAMPED_STORE] = true;

  constructor(
    wrapped: KeyValueBytesStore,
    metricsScope: string,
    keySerde: Serde<K> | null,
    private readonly plainValueSerde: Serde<V> | null,
  ) {
    super(wrapped, metricsScope, keySerde, null);
  }

  protected override resolveValueSerde(context: StateStoreContext): Serde<ValueAndTimestamp<V>> {
    return valueAndTimestampSerde(this.plainValueSerde ?? (defaultSerde(context, 'value', this.name) as Serde<V>));
  }
}
