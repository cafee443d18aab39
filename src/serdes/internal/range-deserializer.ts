import type { Deserializer } from '../serde.js';
import { definesOwn } from './defines-own.js';

/**
 * A built-in deserializer that can read a value from a range of a larger buffer, with the
 * same result and errors as `deserialize(topic, data.subarray(start, end))` but without
 * making the view (a Buffer object per value). The test driver's output queue keeps
 * records in shared chunks and reads them this way.
 */
export interface RangeDeserializer<T> extends Deserializer<T> {
  /** @internal */
  deserializeRange(topic: string, data: Buffer, start: number, end: number): T;
}

/** Whether `deserializer` reads ranges (see `RangeDeserializer`): its own class defines `deserializeRange`. */
export function isRangeDeserializer<T>(deserializer: Deserializer<T>): deserializer is RangeDeserializer<T> {
  return definesOwn(deserializer, 'deserializeRange');
}
