// Kafka: LagInfo

/**
 * How far a local copy of a store partition is behind its changelog (Java's `LagInfo`), from
 * `KafkaStreams.allLocalStorePartitionLags()`: the changelog offset the copy has applied up
 * to (exclusive), the changelog's end, and the records in between.
 */
export class LagInfo {
  readonly offsetLag: number;

  constructor(
    readonly currentOffsetPosition: bigint,
    readonly endOffsetPosition: bigint,
  ) {
    const lag = endOffsetPosition - currentOffsetPosition;
    this.offsetLag = lag > 0n ? Number(lag) : 0;
  }
}
