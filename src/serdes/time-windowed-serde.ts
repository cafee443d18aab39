// Kafka: TimeWindowedSerializer, TimeWindowedDeserializer, WindowedSerdes.TimeWindowedSerde
import { SerializationError } from '../errors/serialization-error.js';
import type { Headers } from '../processor/headers.js';
import { TimeWindow } from '../windows/window.js';
import { Windowed } from '../windows/windowed.js';
import { readLong } from './internal/long-bytes.js';
import {
  checkWindowedLength,
  STORE_SUFFIX_SIZE,
  TIMESTAMP_SIZE,
  timeWindowEnd,
  windowedKeyBinary,
} from './internal/window-key-schema.js';
import type { Deserializer, Serde, Serializer } from './serde.js';

/** A serializer of windowed keys that can also serialize the plain key (for partitioning by it). */
export interface WindowedSerializer<T> extends Serializer<Windowed<T>> {
  serializeBaseKey(topic: string, data: Windowed<T>, headers?: Headers): Buffer | null;
}

/** Whether `serializer` writes windowed keys (sinks then partition by the plain key, as Kafka does). */
export function isWindowedSerializer(serializer: Serializer<unknown>): serializer is WindowedSerializer<unknown> {
  return typeof (serializer as Partial<WindowedSerializer<unknown>>).serializeBaseKey === 'function';
}

/**
 * Writes a time-windowed key as Java does: the inner key's bytes, then the window start as
 * an 8-byte big-endian long (the end is not written).
 */
export class TimeWindowedSerializer<T> implements WindowedSerializer<T> {
  constructor(private readonly inner: Serializer<T>) {}

  serialize(topic: string, data: Windowed<T> | null, headers?: Headers): Buffer | null {
    if (data === null) return null;
    const key = this.inner.serialize(topic, data.key, headers);
    if (key === null) throw new SerializationError(`A windowed key's inner key serialized to null (topic "${topic}").`);
    return windowedKeyBinary(key, data.window.start);
  }

  serializeBaseKey(topic: string, data: Windowed<T>, headers?: Headers): Buffer | null {
    return this.inner.serialize(topic, data.key, headers);
  }
}

/**
 * Reads a time-windowed key (inner key + 8-byte start); the end is `start + windowSize`,
 * so the window size must be known. `forChangelog` reads window-store changelog keys, which
 * carry a 4-byte sequence number after the start.
 */
export class TimeWindowedDeserializer<T> implements Deserializer<Windowed<T>> {
  constructor(
    private readonly inner: Deserializer<T>,
    readonly windowSize: number,
    private readonly isChangelogTopic = false,
  ) {
    if (!(windowSize > 0)) throw new SerializationError(`TimeWindowedDeserializer needs a positive window size (got ${windowSize}).`);
  }

  deserialize(topic: string, data: Buffer | null, headers?: Headers): Windowed<T> | null {
    if (data === null || data.length === 0) return null;
    const suffix = this.isChangelogTopic ? STORE_SUFFIX_SIZE : TIMESTAMP_SIZE;
    checkWindowedLength(data, suffix, 'TimeWindowedDeserializer', topic);
    const start = readLong(data, data.length - suffix);
    const key = this.inner.deserialize(topic, data.subarray(0, data.length - suffix), headers) as T;
    return new Windowed(key, new TimeWindow(start, timeWindowEnd(start, this.windowSize)));
  }
}

/** Serde of time-windowed keys (`WindowedSerdes.timeWindowedSerdeFrom`). */
export class TimeWindowedSerde<T> implements Serde<Windowed<T>> {
  private readonly ser: TimeWindowedSerializer<T>;
  private readonly de: TimeWindowedDeserializer<T>;

  constructor(
    readonly inner: Serde<T>,
    readonly windowSize: number,
    isChangelogTopic = false,
  ) {
    this.ser = new TimeWindowedSerializer(inner.serializer());
    this.de = new TimeWindowedDeserializer(inner.deserializer(), windowSize, isChangelogTopic);
  }

  /** A serde whose deserializer reads window-store changelog keys (with the sequence number). */
  forChangelog(isChangelogTopic: boolean): TimeWindowedSerde<T> {
    return new TimeWindowedSerde(this.inner, this.windowSize, isChangelogTopic);
  }

  serializer(): TimeWindowedSerializer<T> {
    return this.ser;
  }

  deserializer(): TimeWindowedDeserializer<T> {
    return this.de;
  }
}
