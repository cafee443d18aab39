// Kafka: ChangeLoggingTimestampedKeyValueBytesStore
import { RAW_VALUE_OFFSET, timestampOf } from '../internals/timestamped-bytes.js';
import { ChangeLoggingKeyValueBytesStore } from './change-logging-key-value-bytes-store.js';

/**
 * Change-logging for timestamped stores. The store holds `timestamp(8) + raw value`, but the
 * changelog record carries the raw value with the timestamp in the record's timestamp field
 * (Java's wire format, so Java and TypeScript apps can share changelogs); restore re-adds
 * the 8 bytes from the record timestamp. A tombstone takes the current record's timestamp.
 */
export class ChangeLoggingTimestampedKeyValueBytesStore extends ChangeLoggingKeyValueBytesStore {
  protected override log(key: Buffer, valueAndTimestamp: Buffer | null): void {
    if (valueAndTimestamp === null) super.log(key, null);
    else this.logRaw(key, valueAndTimestamp, timestampOf(valueAndTimestamp), RAW_VALUE_OFFSET);
  }
}
