// Kafka: TestInputTopic
import type { Serializer } from '../serdes/serde.js';
import { Headers } from '../processor/headers.js';
import type { KeyValue } from '../state/key-value.js';
import { TestRecord } from './test-record.js';
import type { TopologyTestDriver } from './topology-test-driver.js';

import { RESOLVED } from './resolved.js';

/** Records piped synchronously before a list yields to the event loop. */
const YIELD_EVERY = 10_000;

/**
 * Pipes records into one topic of a `TopologyTestDriver`. Records without a timestamp get
 * the topic's current time, which then advances by `autoAdvanceMs`. Every input method
 * returns a Promise that settles when the record and everything it caused is processed.
 */
export class TestInputTopic<K, V> {
  private currentTime: number;

  /** @internal Use `driver.createInputTopic`. */
  constructor(
    private readonly driver: TopologyTestDriver,
    readonly name: string,
    private readonly keySerializer: Serializer<K>,
    private readonly valueSerializer: Serializer<V>,
    startTimestampMs: number,
    private readonly autoAdvanceMs: number,
  ) {
    this.currentTime = startTimestampMs;
  }

  /** Pipes a value with a null key at the topic's current time. */
  pipeInput(value: V | null): Promise<void>;
  /** Pipes a `TestRecord`. */
  pipeInput(record: TestRecord<K, V>): Promise<void>;
  /** Pipes a key and value at the topic's current time. */
  pipeInput(key: K | null, value: V | null): Promise<void>;
  /** Pipes a key and value at `timestampMs`. */
  pipeInput(key: K | null, value: V | null, timestampMs: number): Promise<void>;
  pipeInput(...args: unknown[]): Promise<void> {
    if (args.length === 1 && args[0] instanceof TestRecord) return this.pipeRecord(args[0] as TestRecord<K, V>);
    if (args.length === 1) return this.pipe(null, args[0] as V, undefined, undefined);
    return this.pipe(args[0] as K, args[1] as V, args[2] as number | undefined, undefined);
  }

  /** Pipes a `TestRecord` (its timestamp, or the topic's current time). */
  pipeRecord(record: TestRecord<K, V>): Promise<void> {
    return this.pipe(record.key, record.value, record.timestamp, record.headers);
  }

  /** Pipes key-value pairs in order, at the topic's current time (advancing as configured). */
  pipeKeyValueList(list: readonly KeyValue<K | null, V | null>[]): Promise<void> {
    return this.pipeAll(list, (kv) => this.pipe(kv.key, kv.value, undefined, undefined));
  }

  /** Pipes values with null keys, in order. */
  pipeValueList(values: readonly (V | null)[]): Promise<void> {
    return this.pipeAll(values, (v) => this.pipe(null, v, undefined, undefined));
  }

  /** Pipes `TestRecord`s in order. */
  pipeRecordList(records: readonly TestRecord<K, V>[]): Promise<void> {
    return this.pipeAll(records, (r) => this.pipeRecord(r));
  }

  /** Moves the topic's current time forward. */
  advanceTime(ms: number): void {
    if (ms < 0) throw new RangeError('advanceTime needs a non-negative duration.');
    this.currentTime += ms;
  }

  private pipeAll<T>(items: readonly T[], pipeOne: (item: T) => Promise<void>): Promise<void> {
    for (let i = 0; i < items.length; i++) {
      const p = pipeOne(items[i]!);
      // Stay synchronous while records complete synchronously; continue after a slow one.
      if (p !== RESOLVED) return p.then(() => this.pipeAll(items.slice(i + 1), pipeOne));
      // Let the event loop turn now and then, so background state checkpoints can complete
      // and the task's dirty buffer stays bounded during long lists.
      if (i % YIELD_EVERY === YIELD_EVERY - 1 && i + 1 < items.length) {
        return new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.pipeAll(items.slice(i + 1), pipeOne));
      }
    }
    return RESOLVED;
  }

  private pipe(key: K | null, value: V | null, timestamp: number | undefined, headers: Headers | undefined): Promise<void> {
    let ts = timestamp;
    if (ts === undefined) {
      ts = this.currentTime;
      this.currentTime += this.autoAdvanceMs;
    }
    const h = headers ?? new Headers();
    const k = this.keySerializer.serialize(this.name, key, h);
    const v = this.valueSerializer.serialize(this.name, value, h);
    const p = this.driver.pipeRaw(this.name, k, v, ts, h);
    return p;
  }
}
