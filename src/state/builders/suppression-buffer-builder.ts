// Kafka: InMemoryTimeOrderedKeyValueChangeBuffer.Builder
import type { Serde } from '../../serdes/serde.js';
import type { TimeOrderedKeyValueBuffer } from '../time-ordered-key-value-buffer.js';
import { InMemoryTimeOrderedKeyValueBuffer } from '../in-memory/in-memory-time-ordered-key-value-buffer.js';
import { AbstractStoreBuilder, type StoreBuilderOptions } from './abstract-store-builder.js';

/** Changelog defaults of suppression buffers: the same as key-value stores (compacted). */
const DEFAULT_OPTIONS: StoreBuilderOptions = Object.freeze({ cachingEnabled: false, loggingEnabled: true, logConfig: Object.freeze({ 'cleanup.policy': 'compact' }) });

/** Builds the in-memory suppression buffer of `KTable.suppress` (caching does not apply). */
export class SuppressionBufferBuilder<K, V> extends AbstractStoreBuilder<TimeOrderedKeyValueBuffer<K, V>, SuppressionBufferBuilder<K, V>> {
  constructor(
    name: string,
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    options: StoreBuilderOptions = DEFAULT_OPTIONS,
  ) {
    super(name, options);
  }

  build(): InMemoryTimeOrderedKeyValueBuffer<K, V> {
    return new InMemoryTimeOrderedKeyValueBuffer(this.name, this.loggingEnabled, this.keySerde, this.valueSerde);
  }

  protected copy(options: StoreBuilderOptions): SuppressionBufferBuilder<K, V> {
    return new SuppressionBufferBuilder(this.name, this.keySerde, this.valueSerde, options);
  }
}
