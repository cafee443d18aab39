// Kafka: SessionWindowedSerializer, SessionWindowedDeserializer, WindowedSerdes.SessionWindowedSerde
import { SerializationError } from '../errors/serialization-error.js';
import type { Headers } from '../processor/headers.js';
import { SessionWindow } from '../windows/window.js';
import { Windowed } from '../windows/windowed.js';
import { SESSION_SUFFIX_SIZE, sessionKeyBinary, sessionKeyEnd, sessionKeyStart } from './internal/session-key-schema.js';
import { checkWindowedLength } from './internal/window-key-schema.js';
import type { Deserializer, Serde, Serializer } from './serde.js';
import type { WindowedSerializer } from './time-windowed-serde.js';

/** Writes a session key as Java does: inner key bytes, session end (8 bytes), session start (8 bytes). */
export class SessionWindowedSerializer<T> implements WindowedSerializer<T> {
  constructor(private readonly inner: Serializer<T>) {}

  serialize(topic: string, data: Windowed<T> | null, headers?: Headers): Buffer | null {
    if (data === null) return null;
    const key = this.inner.serialize(topic, data.key, headers);
    if (key === null) throw new SerializationError(`A session key's inner key serialized to null (topic "${topic}").`);
    return sessionKeyBinary(key, data.window.start, data.window.end);
  }

  serializeBaseKey(topic: string, data: Windowed<T>, headers?: Headers): Buffer | null {
    return this.inner.serialize(topic, data.key, headers);
  }
}

/** Reads a session key (inner key + end + start) into a `Windowed` with a `SessionWindow`. */
export class SessionWindowedDeserializer<T> implements Deserializer<Windowed<T>> {
  constructor(private readonly inner: Deserializer<T>) {}

  deserialize(topic: string, data: Buffer | null, headers?: Headers): Windowed<T> | null {
    if (data === null || data.length === 0) return null;
    checkWindowedLength(data, SESSION_SUFFIX_SIZE, 'SessionWindowedDeserializer', topic);
    const key = this.inner.deserialize(topic, data.subarray(0, data.length - SESSION_SUFFIX_SIZE), headers) as T;
    return new Windowed(key, new SessionWindow(sessionKeyStart(data), sessionKeyEnd(data)));
  }
}

/** Serde of session-windowed keys (`WindowedSerdes.sessionWindowedSerdeFrom`). */
export class SessionWindowedSerde<T> implements Serde<Windowed<T>> {
  private readonly ser: SessionWindowedSerializer<T>;
  private readonly de: SessionWindowedDeserializer<T>;

  constructor(readonly inner: Serde<T>) {
    this.ser = new SessionWindowedSerializer(inner.serializer());
    this.de = new SessionWindowedDeserializer(inner.deserializer());
  }

  serializer(): SessionWindowedSerializer<T> {
    return this.ser;
  }

  deserializer(): SessionWindowedDeserializer<T> {
    return this.de;
  }
}
