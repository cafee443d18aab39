import type { Headers } from './headers.js';

/**
 * A record whose key a `FixedKeyProcessor` cannot change: only value, timestamp and
 * headers can be replaced, so no repartition is needed downstream.
 */
export class FixedKeyRecord<K, V> {
  /** @internal Created by the engine from the record being processed. */
  constructor(
    readonly key: K,
    readonly value: V,
    readonly timestamp: number,
    readonly headers: Headers,
  ) {}

  /** A copy with another value. */
  withValue<NV>(value: NV): FixedKeyRecord<K, NV> {
    return new FixedKeyRecord(this.key, value, this.timestamp, this.headers);
  }

  /** A copy with another timestamp. */
  withTimestamp(timestamp: number): FixedKeyRecord<K, V> {
    return new FixedKeyRecord(this.key, this.value, timestamp, this.headers);
  }

  /** A copy with other headers. */
  withHeaders(headers: Headers): FixedKeyRecord<K, V> {
    return new FixedKeyRecord(this.key, this.value, this.timestamp, headers);
  }
}
