// Kafka: CompletedFetch.nextFetchedRecord (read_committed part), for the PartitionReader
// and, through `hideAbortedMessages`, for the group consumer's fetches.
import type { ConsumedBytes } from '../task/consumed-record.js';
import type { DecodedBatch } from './record-batch-decoder.js';

/** An aborted transaction listed by a Fetch response. */
export interface AbortedTransaction {
  readonly producerId: bigint;
  readonly firstOffset: bigint;
}

/** Committed records of one fetched partition and the position after them. */
export interface CommittedRecords {
  readonly records: ConsumedBytes[];
  /** Next offset to fetch: past the last batch, whatever it held (control, aborted, empty). */
  readonly nextOffset: bigint;
}

/** What the aborted-transaction bookkeeping needs to know about one record batch. */
export interface BatchInfo {
  readonly producerId: bigint;
  readonly lastOffset: bigint;
  readonly isTransactional: boolean;
  readonly isControl: boolean;
  /** Key of the batch's first record (a control record's key says COMMIT or ABORT). */
  readonly firstKey: Buffer | null | undefined;
}

const ABORT_MARKER = 0;

/**
 * Java's aborted-transaction bookkeeping for one fetched partition: an aborted transaction
 * becomes active for its producer when a batch reaches its first offset, and ends at that
 * producer's ABORT marker. Unlike kafkajs's filter, every aborted transaction that started
 * before a batch is active, so none leaks when several began before the fetched range.
 */
export class AbortedTransactions {
  private readonly pending: AbortedTransaction[];
  private readonly active = new Set<bigint>();

  constructor(abortedTransactions: readonly AbortedTransaction[] | null) {
    this.pending = [...(abortedTransactions ?? [])].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0));
  }

  /** Call for every batch in log order; true when its records belong to an aborted transaction. */
  isAborted(batch: BatchInfo): boolean {
    if (batch.producerId >= 0n) {
      while (this.pending.length > 0 && this.pending[0]!.firstOffset <= batch.lastOffset) this.active.add(this.pending.shift()!.producerId);
    }
    if (batch.isControl) {
      const key = batch.firstKey;
      if (key && key.length >= 4 && key.readInt16BE(2) === ABORT_MARKER) this.active.delete(batch.producerId);
      return false;
    }
    return batch.isTransactional && this.active.has(batch.producerId);
  }
}

/**
 * Drops aborted transactional batches and control batches, as Java's consumer does.
 * Records before `fetchOffset` (the start of a batch that begins earlier) are skipped.
 */
export function committedRecords(
  batches: readonly DecodedBatch[],
  abortedTransactions: readonly AbortedTransaction[] | null,
  fetchOffset: bigint,
): CommittedRecords {
  const aborted = new AbortedTransactions(abortedTransactions);
  const records: ConsumedBytes[] = [];
  let nextOffset = fetchOffset;
  for (const batch of batches) {
    if (batch.lastOffset >= nextOffset) nextOffset = batch.lastOffset + 1n;
    if (aborted.isAborted({ ...batch, firstKey: batch.records[0]?.key }) || batch.isControl) continue;
    for (const record of batch.records) if (record.offset >= fetchOffset) records.push(record);
  }
  return { records, nextOffset };
}

/** The fields of a kafkajs fetched message that `hideAbortedMessages` reads and sets. */
export interface KafkajsFetchedMessage {
  readonly key: Buffer | null;
  isControlRecord: boolean;
  readonly batchContext: {
    readonly firstOffset: string;
    readonly lastOffsetDelta: number;
    readonly producerId: string;
    readonly inTransaction: boolean;
    readonly isControlBatch: boolean;
  };
}

/**
 * Marks the records of aborted transactions in one partition of a kafkajs Fetch response as
 * control records: kafkajs then hides them from `eachBatch` while still counting their
 * offsets for the consumer's position. Replaces kafkajs's `filterAbortedMessages`, which
 * leaks records when several aborted transactions began before the fetched range.
 */
export function hideAbortedMessages(
  messages: readonly KafkajsFetchedMessage[],
  abortedTransactions: ReadonlyArray<{ readonly producerId: string; readonly firstOffset: string }>,
): void {
  const aborted = new AbortedTransactions(abortedTransactions.map((t) => ({ producerId: BigInt(t.producerId), firstOffset: BigInt(t.firstOffset) })));
  let batchStart: string | null = null;
  let hide = false;
  for (const m of messages) {
    const c = m.batchContext;
    if (c.firstOffset !== batchStart) {
      batchStart = c.firstOffset;
      hide = aborted.isAborted({
        producerId: BigInt(c.producerId),
        lastOffset: BigInt(c.firstOffset) + BigInt(c.lastOffsetDelta),
        isTransactional: c.inTransaction,
        isControl: c.isControlBatch,
        firstKey: m.key,
      });
    }
    if (hide) m.isControlRecord = true;
  }
}
