import type { Windowed } from '../windows/windowed.js';
import { SessionWindows } from '../windows/session-windows.js';
import { SlidingWindows } from '../windows/sliding-windows.js';
import type { TimeWindows } from '../windows/time-windows.js';
import type { Serde } from './serde.js';
import { SessionWindowedSerde } from './session-windowed-serde.js';
import { TimeWindowedSerde } from './time-windowed-serde.js';

/**
 * The key serde of a windowed aggregation's result table (Kafka's `FullTimeWindowedSerde` /
 * `SessionWindowedSerde`): time-windowed keys read back with the window size (the time
 * difference of sliding windows), session keys with both bounds. Null without a key serde.
 */
export function windowedKeySerde<K>(keySerde: Serde<K> | null, windows: TimeWindows | SlidingWindows | SessionWindows): Serde<Windowed<K>> | null {
  if (keySerde === null) return null;
  if (windows instanceof SessionWindows) return new SessionWindowedSerde(keySerde);
  return new TimeWindowedSerde(keySerde, windows instanceof SlidingWindows ? windows.timeDifferenceMs : windows.sizeMs);
}
