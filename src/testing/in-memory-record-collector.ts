import type { Headers } from '../processor/headers.js';
import type { RecordCollector } from '../runtime/task/record-collector.js';
import type { ConsumedBytes } from '../runtime/task/consumed-record.js';

/** Per topic: the next offset, and whether anything reads the topic (null = not asked yet). */
interface TopicState {
  next: number;
  kept: boolean | null;
}

/**
 * The test driver's record collector: every topic has one partition; records get offsets
 * at once and wait until the driver drains them. A record of a topic nothing reads (no
 * output topic, not consumed by the topology; `keeps` says) only takes its offset: the
 * driver would drop it anyway, and skipping it saves a record per changelog write.
 */
export class InMemoryRecordCollector implements RecordCollector {
  /**
   * Records not yet drained: `produced[0, count)`. The array is reused: the driver drains
   * after every record, and a fresh array per drain would be grown again by the next sends.
   */
  private readonly produced: (ConsumedBytes | undefined)[] = [];
  count = 0;
  /** Next offset per topic (a number: cheaper per record than a Map of bigints). */
  private readonly byTopic = new Map<string, TopicState>();

  /** `keeps(topic)`: whether the driver does anything with records of `topic`. */
  constructor(private readonly keeps: (topic: string) => boolean) {}

  send(topic: string, key: Buffer | null, value: Buffer | null, headers: Headers, timestamp: number, _partition: number | null, valueOffset = 0): void {
    const state = this.state(topic);
    state.kept ??= this.keeps(topic);
    if (!state.kept) {
      state.next++;
      return;
    }
    if (valueOffset !== 0 && value !== null) value = value.subarray(valueOffset);
    this.produced[this.count++] = { topic, partition: 0, offset: BigInt(state.next++), timestamp, key, value, headers };
  }

  /** Assigns the next offset of `topic` (input records use it too). */
  nextOffset(topic: string): bigint {
    return BigInt(this.state(topic).next++);
  }

  /** What reads which topic changed (an output topic was created): ask `keeps` again. */
  readersChanged(): void {
    for (const state of this.byTopic.values()) state.kept = null;
  }

  offsetOf(topic: string): bigint | undefined {
    const c = this.byTopic.get(topic);
    return c === undefined || c.next === 0 ? undefined : BigInt(c.next - 1);
  }

  partitionsFor(): number {
    return 1;
  }

  flush(): null {
    return null;
  }

  /** Hands every record produced since the last drain to `visit`, oldest first (records sent meanwhile too). */
  drain(visit: (record: ConsumedBytes) => void): void {
    const produced = this.produced;
    for (let i = 0; i < this.count; i++) {
      const record = produced[i]!;
      produced[i] = undefined;
      visit(record);
    }
    this.count = 0;
  }

  private state(topic: string): TopicState {
    let state = this.byTopic.get(topic);
    if (state === undefined) this.byTopic.set(topic, (state = { next: 0, kept: null }));
    return state;
  }
}
