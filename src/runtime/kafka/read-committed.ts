// Kafka: CompletedFetch.nextFetchedRecord (read_committed part), for the PartitionReader.
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

const ABORT_MARKER = 0;

/** True for a control batch holding an ABORT marker (key: int16 version, int16 type). */
function isAbortMarker(batch: DecodedBatch): boolean {
  const key = batch.records[0]?.key;
  return batch.isControl && key != null && key.length >= 4 && key.readInt16BE(2) === ABORT_MARKER;
}

/**
 * Drops aborted transactional batches and control batches, as Java's consumer does: an
 * aborted transaction becomes active for its producer when a batch reaches its first
 * offset, and ends at that producer's ABORT marker. Unlike kafkajs's filter, every aborted
 * transaction that started before a batch is active, so none leaks when several began
 * before the fetched range. Records before `fetchOffset` (the start of a batch that
 * begins earlier) are skipped.
 */
export function committedRecords(
  batches: readonly DecodedBatch[],
  abortedTransactions: readonly AbortedTransaction[] | null,
  fetchOffset: bigint,
): CommittedRecords {
  const pending = [...(abortedTransactions ?? [])].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0));
  const abortedProducers = new Set<bigint>();
  const records: ConsumedBytes[] = [];
  let nextOffset = fetchOffset;
  for (const batch of batches) {
    if (batch.producerId >= 0n) {
      while (pending.length > 0 && pending[0]!.firstOffset <= batch.lastOffset) abortedProducers.add(pending.shift()!.producerId);
    }
    if (batch.lastOffset >= nextOffset) nextOffset = batch.lastOffset + 1n;
    if (isAbortMarker(batch)) {
      abortedProducers.delete(batch.producerId);
      continue;
    }
    if (batch.isControl) continue;
    if (batch.isTransactional && abortedProducers.has(batch.producerId)) continue;
    for (const record of batch.records) if (record.offset >= fetchOffset) records.push(record);
  }
  return { records, nextOffset };
}
