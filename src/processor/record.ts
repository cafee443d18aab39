import { Headers } from './headers.js';
import { StreamsError } from '../errors/streams-error.js';

/**
 * An immutable record flowing through a topology: key, value, timestamp (epoch ms) and
 * headers. The `with*` methods return a new record.
 *
 * @example
 * context.forward(record.withValue(record.value.toUpperCase()));
 */
export class Record<K, V> {
  readonly key: K;
  readonly value: V;
  readonly timestamp: number;
  readonly headers: Headers;

  constructor(key: K, value: V, timestamp: number, headers?: Headers) {
    if (!(timestamp >= 0)) {
      throw new StreamsError(`Malformed Record: timestamp may not be negative or NaN (got ${timestamp}).`);
    }
    this.key = key;
    this.value = value;
    this.timestamp = timestamp;
    this.headers = headers ?? new Headers();
  }

  /** A copy with another key. */
  withKey<NK>(key: NK): Record<NK, V> {
    return new Record(key, this.value, this.timestamp, this.headers);
  }

  /** A copy with another value. */
  withValue<NV>(value: NV): Record<K, NV> {
    return new Record(this.key, value, this.timestamp, this.headers);
  }

  /** A copy with another timestamp (epoch ms, >= 0). */
  withTimestamp(timestamp: number): Record<K, V> {
    return new Record(this.key, this.value, timestamp, this.headers);
  }

  /** A copy with other headers. */
  withHeaders(headers: Headers): Record<K, V> {
    return new Record(this.key, this.value, this.timestamp, headers);
  }
}
