/** A value with the timestamp of the record that last wrote it (timestamped stores). */
export interface ValueAndTimestamp<V> {
  readonly value: V;
  readonly timestamp: number;
}

/** Factory for `ValueAndTimestamp` (Java's `ValueAndTimestamp.make`; null value -> null). */
export const ValueAndTimestamp = {
  make<V>(value: V | null, timestamp: number): ValueAndTimestamp<V> | null {
    return value === null ? null : { value, timestamp };
  },
  /** The plain value of a possibly-null `ValueAndTimestamp`. */
  getValueOrNull<V>(vt: ValueAndTimestamp<V> | null): V | null {
    return vt === null ? null : vt.value;
  },
};
