// Kafka: ChangeLoggingWindowBytesStore / ChangeLoggingTimestampedWindowBytesStore / ChangeLoggingSessionBytesStore
import type { KeyValueIterator } from '../key-value-iterator.js';
import type { WindowedBytesStore } from '../windowed-bytes-store.js';
import type { StoreKeySchema } from '../internals/store-key-schema.js';
import { ChangeLoggingKeyValueBytesStore } from './change-logging-key-value-bytes-store.js';
import { ChangeLoggingTimestampedKeyValueBytesStore } from './change-logging-timestamped-key-value-bytes-store.js';

/**
 * Change-logging of session stores (and plain window stores): the changelog key is the
 * composite store key (`key + end + start` for sessions, `key + start + seqnum` for
 * windows, Java's bytes), the value is the store's value, the timestamp the record's.
 */
export class ChangeLoggingWindowedBytesStore extends ChangeLoggingKeyValueBytesStore implements WindowedBytesStore {
  readonly schema: StoreKeySchema;
  readonly retentionPeriod: number;
  readonly compareFetchOrder: (a: string, b: string) => number;

  constructor(wrapped: WindowedBytesStore) {
    super(wrapped);
    this.schema = wrapped.schema;
    this.retentionPeriod = wrapped.retentionPeriod;
    this.compareFetchOrder = wrapped.compareFetchOrder;
  }

  fetchByTime(from: number, to: number, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    return (this.wrapped as WindowedBytesStore).fetchByTime(from, to, reverse);
  }
}

/**
 * Change-logging of timestamped window stores: composite key, raw value, and the value's
 * timestamp as the record timestamp (restore re-adds it).
 */
export class ChangeLoggingTimestampedWindowedBytesStore extends ChangeLoggingTimestampedKeyValueBytesStore implements WindowedBytesStore {
  readonly schema: StoreKeySchema;
  readonly retentionPeriod: number;
  readonly compareFetchOrder: (a: string, b: string) => number;

  constructor(wrapped: WindowedBytesStore) {
    super(wrapped);
    this.schema = wrapped.schema;
    this.retentionPeriod = wrapped.retentionPeriod;
    this.compareFetchOrder = wrapped.compareFetchOrder;
  }

  fetchByTime(from: number, to: number, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    return (this.wrapped as WindowedBytesStore).fetchByTime(from, to, reverse);
  }
}
