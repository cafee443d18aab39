// Kafka: StoreChangelogReader (active-task restoration)
import type { RestoreCallback } from '../state/state-store-context.js';
import { topicPartitionKey, type ConsumedBytes } from './task/consumed-record.js';
import { EARLIEST_OFFSET, type EngineAdmin, type EnginePartitionReader } from './kafka/engine.js';
import type { StateRestoreListener } from './state-restore-listener.js';

/** One store to restore: where its changelog is, where to start, how to apply records. */
export interface RestoreTarget {
  readonly storeName: string;
  readonly topic: string;
  readonly partition: number;
  /** Offset of the last record already in the store (from the checkpoint), or undefined. */
  readonly checkpointed: bigint | undefined;
  /**
   * Restore only up to this offset (exclusive) instead of the log end: a source topic used as
   * changelog is restored up to the committed offset, from where the task processes it.
   */
  readonly endOffset?: bigint;
  readonly restore: RestoreCallback;
}

/** Progress of one store's restoration (the `events$` payload). */
export interface RestoreProgress {
  readonly storeName: string;
  readonly topic: string;
  readonly partition: number;
  readonly startOffset: bigint;
  readonly endOffset: bigint;
  readonly restored: number;
}

/** What `restoreChangelogs` reports to, and what stops it. */
export interface RestoreHooks {
  /** Per partition after each fetch that applied records to it, and when it reaches its end. */
  readonly onProgress?: (p: RestoreProgress) => void;
  /** Java's restore listener callbacks (active tasks only). */
  readonly listener?: StateRestoreListener | null;
  /** Aborting stops the restoration between fetches (the checkpoint in flight is written first). */
  readonly signal?: AbortSignal;
  /** Called per partition that reached its end: `end` counts the transaction markers after the last record. */
  readonly reached?: (key: string, end: bigint) => void;
  /**
   * While true (`KafkaStreams.pause()`), nothing is fetched: restoration waits before it starts
   * (no restore-listener call yet) or between fetches (after the checkpoint in flight is written).
   */
  readonly paused?: () => boolean;
}

/** How often a paused restoration looks whether it may go on. */
const PAUSE_POLL_MS = 100;

/** Resolves once `paused()` is false; throws the signal's reason if it is aborted meanwhile. */
async function whilePaused(paused: (() => boolean) | undefined, signal: AbortSignal | undefined): Promise<void> {
  while (paused?.() === true && signal?.aborted !== true) await new Promise((resolve) => setTimeout(resolve, PAUSE_POLL_MS));
  signal?.throwIfAborted();
}

/**
 * Brings stores up to date from their changelogs: from the checkpointed offset to the
 * read-committed end (LSO), fixed when restoration starts. Records go to the stores'
 * restore callbacks as raw bytes (no serdes, no caches); `checkpoint` is called after every
 * fetch so the data and the offsets reach LevelDB in one batch. An abort of `hooks.signal`
 * stops it between fetches, once the checkpoint in flight is written (throws the signal's reason).
 * While `hooks.paused()` holds, it waits, as Java's state updater does for a paused topology.
 */
export async function restoreChangelogs(
  targets: readonly RestoreTarget[],
  admin: Pick<EngineAdmin, 'endOffsets'>,
  reader: EnginePartitionReader,
  checkpoint: (offsets: ReadonlyMap<string, bigint>) => Promise<void>,
  hooks: RestoreHooks = {},
): Promise<number> {
  const { listener, reached } = hooks;
  if (targets.length === 0) return 0;
  // Ends are fixed when restoration starts: after a pause.
  await whilePaused(hooks.paused, hooks.signal);
  const ends = await admin.endOffsets([...new Set(targets.map((t) => t.topic))]);
  const pending = new Map<string, PendingRestore>();
  for (const target of targets) {
    const key = topicPartitionKey(target.topic, target.partition);
    const logEnd = ends.get(key) ?? 0n;
    const end = target.endOffset !== undefined && target.endOffset < logEnd ? target.endOffset : logEnd;
    const start = target.checkpointed === undefined ? EARLIEST_OFFSET : target.checkpointed + 1n;
    const tp = { topic: target.topic, partition: target.partition };
    listener?.onRestoreStart(tp, target.storeName, start === EARLIEST_OFFSET ? 0n : start, end);
    if ((start !== EARLIEST_OFFSET && start >= end) || end === 0n) {
      listener?.onRestoreEnd(tp, target.storeName, 0);
      reached?.(key, end);
      continue;
    }
    pending.set(key, { target, start, end, restored: 0 });
  }
  if (pending.size === 0) return 0;
  try {
    return await restorePending(pending, reader, checkpoint, hooks);
  } catch (error) {
    for (const p of pending.values()) listener?.onRestoreSuspended?.({ topic: p.target.topic, partition: p.target.partition }, p.target.storeName, p.restored);
    throw error;
  }
}

interface PendingRestore {
  readonly target: RestoreTarget;
  readonly start: bigint;
  readonly end: bigint;
  restored: number;
}

/** The fetch loop of `restoreChangelogs` over the partitions with records to restore (removed from `pending` as they finish). */
async function restorePending(
  pending: Map<string, PendingRestore>,
  reader: EnginePartitionReader,
  checkpoint: (offsets: ReadonlyMap<string, bigint>) => Promise<void>,
  { onProgress, listener, signal, reached, paused }: RestoreHooks,
): Promise<number> {
  await reader.assign(new Map([...pending].map(([key, p]) => [key, p.start])));
  let total = 0;
  // One checkpoint (a LevelDB batch, written off the main thread) stays in flight while the
  // next fetch is read and applied: checkpoints snapshot the buffers at once and complete in
  // call order, so this only overlaps disk and network.
  let writing: Promise<void> = Promise.resolve();
  while (pending.size > 0) {
    if (paused?.() === true) {
      // Java checkpoints a task as it pauses it; here the checkpoint in flight completes.
      await writing;
      await whilePaused(paused, signal);
    }
    const fetched = await reader.fetch(500);
    if (signal?.aborted) {
      await writing;
      signal.throwIfAborted();
    }
    const offsets = new Map<string, bigint>();
    for (const [key, records] of fetched.records) {
      const p = pending.get(key);
      if (!p) continue;
      // Fetched records are handed over as they are (no copy per record) unless some lie past
      // the end or have no key (a changelog record without a key restores nothing).
      let count = 0;
      let clean = true;
      for (const r of records) {
        if (r.offset >= p.end) break;
        count++;
        if (r.key === null) clean = false;
      }
      if (count === 0) continue;
      const upToEnd = count === records.length ? records : records.slice(0, count);
      p.target.restore((clean ? upToEnd : upToEnd.filter((r) => r.key !== null)) as readonly (ConsumedBytes & { key: Buffer })[]);
      p.restored += count;
      total += count;
      offsets.set(key, upToEnd[count - 1]!.offset);
      listener?.onBatchRestored({ topic: p.target.topic, partition: p.target.partition }, p.target.storeName, upToEnd[count - 1]!.offset, count);
    }
    if (offsets.size) {
      await writing;
      writing = checkpoint(offsets);
      writing.catch(() => undefined); // awaited before the next one, or below
    }
    for (const [key, p] of pending) {
      const position = fetched.positions.get(key) ?? reader.position({ topic: p.target.topic, partition: p.target.partition });
      if (offsets.has(key) || (position !== undefined && position >= p.end)) {
        onProgress?.({ storeName: p.target.storeName, topic: p.target.topic, partition: p.target.partition, startOffset: p.start, endOffset: p.end, restored: p.restored });
      }
      if (position !== undefined && position >= p.end) {
        pending.delete(key);
        listener?.onRestoreEnd({ topic: p.target.topic, partition: p.target.partition }, p.target.storeName, p.restored);
        reached?.(key, p.end);
      }
    }
  }
  await writing;
  return total;
}
