// Kafka: the ValueAndTimestamp byte layout used inside timestamped stores (RocksDBTimestampedStore).
import type { StateStore } from '../state-store.js';

const TWO_POW_32 = 2 ** 32;

/** Marks the outer layer of a timestamped store: its bytes store holds `timestamp(8, BE) + raw value`. */
export const TIMESTAMPED_STORE = Symbol.for('kstreams.timestampedStore');

/** Whether `store` keeps timestamp-prefixed values (restore must then re-add the timestamp). */
export function isTimestampedStore(store: StateStore): boolean {
  return (store as unknown as { [TIMESTAMPED_STORE]?: boolean })[TIMESTAMPED_STORE] === true;
}

/** The 8-byte big-endian timestamp at the start of a timestamped value (epoch ms). */
export function timestampOf(valueAndTimestamp: Buffer): number {
  // Two 32-bit reads instead of readBigInt64BE: no BigInt allocation on the hot path.
  return valueAndTimestamp.readInt32BE(0) * TWO_POW_32 + valueAndTimestamp.readUInt32BE(4);
}

/** Where the raw value starts in a timestamped value (after the 8-byte timestamp). */
export const RAW_VALUE_OFFSET = 8;

/** The raw value after the 8-byte timestamp (a view, not a copy). */
export function rawValueOf(valueAndTimestamp: Buffer): Buffer {
  return valueAndTimestamp.subarray(RAW_VALUE_OFFSET);
}

/** `timestamp(8, BE) + raw` in a new buffer. */
export function withTimestamp(raw: Buffer, timestamp: number): Buffer {
  const out = Buffer.allocUnsafe(8 + raw.length);
  writeTimestamp(out, timestamp);
  raw.copy(out, 8);
  return out;
}

/** Writes `timestamp` as a signed 64-bit big-endian integer at offset 0. */
export function writeTimestamp(target: Buffer, timestamp: number): void {
  const high = Math.floor(timestamp / TWO_POW_32);
  target.writeInt32BE(high, 0);
  target.writeUInt32BE(timestamp - high * TWO_POW_32, 4);
}
