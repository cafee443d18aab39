import type { Serializer } from '../serde.js';
import { definesOwn } from './defines-own.js';

/** Which set of reusable buffers a scratch serialization writes into: a record's key and value use different ones. */
export type ScratchSlot = 0 | 1;

/**
 * A built-in serializer that can write into reusable buffers: the same bytes and errors as
 * `serialize`, but the Buffer returned (one object per slot and length) stays valid only
 * until the next scratch call with that slot. A caller that copies the bytes at once (the
 * test driver's output queues) saves a Buffer object per record.
 */
export interface ScratchSerializer<T> extends Serializer<T> {
  /** @internal */
  serializeScratch(topic: string, data: T | null, slot: ScratchSlot): Buffer | null;
}

/** Longest scratch buffer; longer output gets a Buffer of its own. */
const SCRATCH_MAX = 32;
const scratch: Buffer[][] = [0, 1].map(() => Array.from({ length: SCRATCH_MAX + 1 }, (_, n) => Buffer.allocUnsafeSlow(n)));

/** The reusable buffer of `length` bytes of `slot`, or null past `SCRATCH_MAX`. */
export function scratchBuffer(slot: ScratchSlot, length: number): Buffer | null {
  return length <= SCRATCH_MAX ? scratch[slot]![length]! : null;
}

/** `serializer` as a scratch serializer (its own class defines `serializeScratch`), or null. */
export function asScratchSerializer<T>(serializer: Serializer<T>): ScratchSerializer<T> | null {
  return definesOwn(serializer, 'serializeScratch') ? (serializer as ScratchSerializer<T>) : null;
}
