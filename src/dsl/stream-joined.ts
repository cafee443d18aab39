// Kafka: StreamJoined
import type { Serde } from '../serdes/serde.js';
import type { WindowBytesStoreSupplier } from '../state/windowed-bytes-store.js';
import { validateName } from './named.js';

/**
 * How a stream-stream join runs: serdes of the key and both values (for its window stores
 * and for the repartition topics a re-keyed side goes through), a name for its processors
 * and topics (`<name>-left-repartition`, `<name>-right-repartition`), a base name for its
 * stores (`<store>-this-join-store`, ...), window store suppliers, and changelog settings.
 *
 * @example left.join(right, joiner, windows, StreamJoined.with(Serdes.String(), leftSerde, rightSerde).withStoreName('clicks-views'))
 */
export class StreamJoined<K, V, VO> {
  private constructor(
    readonly keySerde: Serde<K> | null,
    readonly valueSerde: Serde<V> | null,
    readonly otherValueSerde: Serde<VO> | null,
    readonly name: string | null,
    readonly storeName: string | null,
    readonly thisStoreSupplier: WindowBytesStoreSupplier | null,
    readonly otherStoreSupplier: WindowBytesStoreSupplier | null,
    readonly loggingEnabled: boolean,
    readonly logConfig: Readonly<{ [key: string]: string }>,
  ) {}

  static with<K, V, VO>(keySerde: Serde<K> | null, valueSerde: Serde<V> | null, otherValueSerde: Serde<VO> | null): StreamJoined<K, V, VO> {
    return new StreamJoined(keySerde, valueSerde, otherValueSerde, null, null, null, null, true, {});
  }

  /** Names the join's stores (not its processors: see `withName`). */
  static as<K = any, V = any, VO = any>(storeName: string): StreamJoined<K, V, VO> {
    validateName(storeName, 'Store name');
    return new StreamJoined<K, V, VO>(null, null, null, null, storeName, null, null, true, {});
  }

  /** Window store suppliers for both sides (they must keep duplicates, and match the windows). */
  static withStoreSuppliers<K = any, V = any, VO = any>(thisStoreSupplier: WindowBytesStoreSupplier, otherStoreSupplier: WindowBytesStoreSupplier): StreamJoined<K, V, VO> {
    return new StreamJoined<K, V, VO>(null, null, null, null, null, thisStoreSupplier, otherStoreSupplier, true, {});
  }

  withName(name: string): StreamJoined<K, V, VO> {
    validateName(name);
    return this.copy({ name });
  }

  withStoreName(storeName: string): StreamJoined<K, V, VO> {
    validateName(storeName, 'Store name');
    return this.copy({ storeName });
  }

  withKeySerde<K2>(keySerde: Serde<K2>): StreamJoined<K2, V, VO> {
    return this.copy({ keySerde }) as unknown as StreamJoined<K2, V, VO>;
  }

  withValueSerde<V2>(valueSerde: Serde<V2>): StreamJoined<K, V2, VO> {
    return this.copy({ valueSerde }) as unknown as StreamJoined<K, V2, VO>;
  }

  withOtherValueSerde<VO2>(otherValueSerde: Serde<VO2>): StreamJoined<K, V, VO2> {
    return this.copy({ otherValueSerde }) as unknown as StreamJoined<K, V, VO2>;
  }

  withThisStoreSupplier(thisStoreSupplier: WindowBytesStoreSupplier): StreamJoined<K, V, VO> {
    return this.copy({ thisStoreSupplier });
  }

  withOtherStoreSupplier(otherStoreSupplier: WindowBytesStoreSupplier): StreamJoined<K, V, VO> {
    return this.copy({ otherStoreSupplier });
  }

  /** Changelogs for the join's stores (the default), with extra topic configs. */
  withLoggingEnabled(config: Readonly<{ [key: string]: string }> = {}): StreamJoined<K, V, VO> {
    return this.copy({ loggingEnabled: true, logConfig: { ...config } });
  }

  /** No changelogs: the join's stores are not restored after a failure or a move. */
  withLoggingDisabled(): StreamJoined<K, V, VO> {
    return this.copy({ loggingEnabled: false, logConfig: {} });
  }

  private copy(changes: Partial<StreamJoined<any, any, any>>): StreamJoined<K, V, VO> {
    const s = { ...this, ...changes } as StreamJoined<K, V, VO>;
    return new StreamJoined(s.keySerde, s.valueSerde, s.otherValueSerde, s.name, s.storeName, s.thisStoreSupplier, s.otherStoreSupplier, s.loggingEnabled, s.logConfig);
  }
}
