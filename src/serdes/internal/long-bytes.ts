const TWO_POW_32 = 4294967296;

/** Writes `value` (a safe integer) as a signed 64-bit big-endian long at `offset`. */
export function writeLong(target: Buffer, offset: number, value: number): void {
  const high = Math.floor(value / TWO_POW_32);
  target.writeInt32BE(high, offset);
  target.writeUInt32BE(value - high * TWO_POW_32, offset + 4);
}

/** Reads a signed 64-bit big-endian long at `offset` (exact within the safe-integer range). */
export function readLong(source: Uint8Array, offset: number): number {
  const high = ((source[offset]! << 24) | (source[offset + 1]! << 16) | (source[offset + 2]! << 8) | source[offset + 3]!) >> 0;
  const low = ((source[offset + 4]! << 24) | (source[offset + 5]! << 16) | (source[offset + 6]! << 8) | source[offset + 7]!) >>> 0;
  return high * TWO_POW_32 + low;
}

/** The largest time the window code uses as "no upper bound" (Java uses `Long.MAX_VALUE`). */
export const MAX_TIME = Number.MAX_SAFE_INTEGER;
