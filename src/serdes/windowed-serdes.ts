// Kafka: WindowedSerdes
import type { Serde } from './serde.js';
import { SessionWindowedSerde } from './session-windowed-serde.js';
import { TimeWindowedSerde } from './time-windowed-serde.js';

/**
 * Serdes for the `Windowed<K>` keys of windowed aggregation results, byte-compatible with
 * Java's, so Java and TypeScript apps can read each other's windowed topics.
 *
 * @example
 * const keys = WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), 60_000);
 * driver.createOutputTopic('minute-click-counts', keys.deserializer(), Serdes.Long().deserializer());
 */
export const WindowedSerdes = Object.freeze({
  /** Time-windowed keys: inner key + 8-byte start; the end is `start + windowSize` when reading. */
  timeWindowedSerdeFrom<T>(inner: Serde<T>, windowSize: number): TimeWindowedSerde<T> {
    return new TimeWindowedSerde(inner, windowSize);
  },
  /** Session keys: inner key + 8-byte end + 8-byte start. */
  sessionWindowedSerdeFrom<T>(inner: Serde<T>): SessionWindowedSerde<T> {
    return new SessionWindowedSerde(inner);
  },
});
