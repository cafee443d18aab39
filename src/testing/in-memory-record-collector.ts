import type { Headers } from '../processor/headers.js';
import type { RecordCollector } from '../runtime/task/record-collector.js';
import type { ConsumedBytes } from '../runtime/task/consumed-record.js';
import type { OutputQueue } from './output-queue.js';

/**
 * Where records of a topic go: `'drain'` (the topology or a global store reads the topic:
 * the driver drains them after each record), straight into the output queue of a topic only
 * the test reads, or `'drop'` (nothing reads the topic).
 */
export type RecordRoute = 'drain' | 'drop' | OutputQueue;

/** Per topic: the next offset, and where its records go (null = not asked yet). */
interface TopicState {
  readonly topic: string;
  next: number;
  route: RecordRoute | null;
}

/**
 * The test driver's record collector: every topic has one partition and records get offsets
 * at once. Records the topology reads back wait until the driver drains them; records only
 * the test reads go straight into their output queue (no record object per output); records
 * nothing reads only take their offset (a changelog write costs no record).
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

  /** `routeOf(topic)`: where records of `topic` go. */
  constructor(private readonly routeOf: (topic: string) => RecordRoute) {}

  /**
   * Records of an output-only topic are copied into their queue, of an unread one dropped;
   * those of a topic the topology reads are kept (drained). Fixed by the topology: a route
   * asked again only moves between copied and dropped.
   */
  copiesAt(topic: string): boolean {
    return this.routeIn(this.state(topic)) !== 'drain';
  }

  send(topic: string, key: Buffer | null, value: Buffer | null, headers: Headers, timestamp: number, _partition: number | null, valueOffset = 0): void {
    const state = this.state(topic);
    const route = this.routeIn(state);
    const offset = state.next++;
    if (route === 'drop') return;
    if (valueOffset !== 0 && value !== null) value = value.subarray(valueOffset);
    if (route === 'drain') this.produced[this.count++] = { topic, partition: 0, offset: BigInt(offset), timestamp, key, value, headers };
    else route.push(key, value, timestamp, headers);
  }

  /** Assigns the next offset of `topic` (input records use it too). */
  nextOffset(topic: string): bigint {
    return BigInt(this.state(topic).next++);
  }

  /** What reads which topic changed (an output topic was created): ask `routeOf` again. */
  readersChanged(): void {
    for (const state of this.byTopic.values()) state.route = null;
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

  private routeIn(state: TopicState): RecordRoute {
    return (state.route ??= this.routeOf(state.topic));
  }

  private state(topic: string): TopicState {
    let state = this.byTopic.get(topic);
    if (state === undefined) this.byTopic.set(topic, (state = { topic, next: 0, route: null }));
    return state;
  }
}
