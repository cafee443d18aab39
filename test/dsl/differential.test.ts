// Differential runs against Java: each program below also exists in
// tools/java-reference/src/main/java/kstreams/reference/Differential.java. Both pipe the same
// pseudo-random input per seed (keys a-d, values like "b7" or null, timestamps that advance
// and sometimes jump back up to 11 ms; closed windows and outer-join results emitted at once),
// and the outputs of Java's TopologyTestDriver are in
// test/fixtures/java-differential/<program>.txt (`tools/java-reference/differential.sh
// --write-fixtures`). Any difference in values, tombstones, timestamps or order fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Branched,
  BufferConfig,
  Consumed,
  EmitStrategy,
  Grouped,
  JoinWindows,
  KeyValue,
  Materialized,
  Named,
  Produced,
  PunctuationType,
  Record,
  SessionWindow,
  SessionWindows,
  SlidingWindows,
  Stores,
  StreamBuilder,
  StreamJoined,
  Suppressed,
  Windowed,
  TimeWindows,
  type FixedKeyProcessor,
  type FixedKeyProcessorContext,
  type FixedKeyRecord,
  type KGroupedStream,
  type KStream,
  type KTable,
  type KeyValueIterator,
  type KeyValueStore,
  type SessionStore,
  type WindowStore,
  type Processor,
  type ValueTransformerContext,
  type ValueTransformerWithKey,
  type ProcessorContext,
} from '../../src/index.js';
import { driverFor, L, S, STRING_DEFAULTS } from './driver-helpers.js';

/**
 * Seeds per program and records per seed (as in Differential.java). To search further, run
 * both with the same range: `DIFFERENTIAL_SEEDS=101-1000` here, `-Ddifferential.seeds=101-1000`
 * there, with `DIFFERENTIAL_FIXTURES` naming the folder Java wrote.
 */
const [FIRST_SEED, LAST_SEED] = (process.env.DIFFERENTIAL_SEEDS ?? '1-100').split('-').map(Number) as [number, number];
const FIXTURES = process.env.DIFFERENTIAL_FIXTURES ?? new URL('../fixtures/java-differential/', import.meta.url).pathname;
const RECORDS = 80;

/** Differential.java's generator: a 32-bit LCG, drawing from its high bits. */
function random(seed: number): (bound: number) => number {
  let state = seed >>> 0;
  return (bound) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % bound;
  };
}

interface Input {
  readonly topic: number;
  readonly key: string;
  readonly value: string | null;
  readonly timestamp: number;
}

/** The input of one seed, drawn in Differential.java's order. */
function inputs(seed: number, topics: number): Input[] {
  const next = random(seed);
  const letter = (): string => String.fromCharCode(97 + next(4));
  const out: Input[] = [];
  let time = 0;
  for (let i = 0; i < RECORDS; i++) {
    time += next(5);
    const topic = next(topics);
    const key = letter();
    const value = next(8) === 0 ? null : `${letter()}${next(10)}`;
    const timestamp = Math.max(0, time - (next(4) === 0 ? next(12) : 0));
    out.push({ topic, key, value, timestamp });
  }
  return out;
}

const digit = (v: string): number => v.charCodeAt(1) - 48;
const windowed = (k: Windowed<string>): string => `${k.key}@${k.window.start}/${k.window.end}`;
const joined = (l: string | null, r: string | null): string => `${l}/${r}`;
const text = (v: unknown): string | null => (v === null ? null : String(v));

function tableOut<V>(table: KTable<string, V>): void {
  table
    .toStream()
    .mapValues((v) => text(v))
    .to('out', Produced.with(S, S));
}

function windowedOut<V>(table: KTable<Windowed<string>, V>): void {
  table
    .toStream()
    .map((k, v) => KeyValue.pair(windowed(k), text(v)))
    .to('out', Produced.with(S, S));
}

const grouped = (b: StreamBuilder): KGroupedStream<string, string> => b.stream('in0', Consumed.with(S, S)).groupByKey(Grouped.with(S, S));
const stream = (b: StreamBuilder, i: number): KStream<string, string> => b.stream(`in${i}`, Consumed.with(S, S));
const table = (b: StreamBuilder, i: number): KTable<string, string> => b.table(`in${i}`, Consumed.with(S, S));
const joinWindows = (): JoinWindows => JoinWindows.ofTimeDifferenceAndGrace(5, 3);

/** Counts records; every `intervalMs` (of `type` time) forwards (`key`, count since the last punctuation). */
function punctuatingCounter(type: PunctuationType, intervalMs: number, key: string): () => Processor<string, string, string, string> {
  return () => {
    let seen = 0;
    return {
      init(context: ProcessorContext<string, string>) {
        context.schedule(intervalMs, type, (ts) => {
          context.forward(new Record(key, String(seen), ts));
          seen = 0;
        });
      },
      process() {
        seen++;
      },
    };
  };
}

/** `key=value,` per entry (`keyText` of each key), null values left out as in Differential.java (see its `scan`: a Java bug). */
function scan<K>(it: KeyValueIterator<K, string>, keyText: (key: K) => string = String): string {
  let out = '';
  try {
    while (it.hasNext()) {
      const kv = it.next();
      if (kv.value !== null) out += `${keyText(kv.key)}=${kv.value},`;
    }
  } finally {
    it.close();
  }
  return out;
}

/**
 * Keeps values in store "kv" (keys a-d and, for values with digits divisible by 3, key+"x"
 * with putIfAbsent; a null value deletes), forwards what each write replaced, and every 6 ms
 * of stream time forwards scans: all(), reverseRange("b", "c") and prefixScan("a").
 */
function storeScanner(): Processor<string, string, string, string> {
  let context: ProcessorContext<string, string>;
  let store: KeyValueStore<string, string>;
  return {
    init(c: ProcessorContext<string, string>) {
      context = c;
      store = c.getStateStore('kv');
      c.schedule(6, PunctuationType.STREAM_TIME, (ts) => {
        c.forward(new Record('all', scan(store.all()), ts));
        c.forward(new Record('rev', scan(store.reverseRange('b', 'c')), ts));
        c.forward(new Record('pre', scan(store.prefixScan('a', S.serializer())), ts));
      });
    },
    process(record: Record<string, string>) {
      let old: string | null;
      if (record.value === null) old = store.delete(record.key);
      else if (digit(record.value) % 3 === 0) old = store.putIfAbsent(`${record.key}x`, record.value);
      else {
        old = store.get(record.key);
        store.put(record.key, record.value);
      }
      context.forward(record.withValue(String(old)));
    },
  };
}

/**
 * Window store "ws" (retention 30 ms, windows of 10): each record puts its value (null
 * deletes) into its key's window at ts - ts % 10 and forwards fetch(key, ts - 20, ts); every
 * 7 ms of stream time forwards fetchAll(t - 25, t), backwardFetch("b", "c", t - 25, t) and
 * backwardAll().
 */
function windowStoreScanner(): Processor<string, string, string, string> {
  let context: ProcessorContext<string, string>;
  let store: WindowStore<string, string>;
  return {
    init(c: ProcessorContext<string, string>) {
      context = c;
      store = c.getStateStore('ws');
      c.schedule(7, PunctuationType.STREAM_TIME, (ts) => {
        c.forward(new Record('all', scan(store.fetchAll(ts - 25, ts), windowed), ts));
        c.forward(new Record('rev', scan(store.backwardFetch('b', 'c', ts - 25, ts), windowed), ts));
        c.forward(new Record('ball', scan(store.backwardAll(), windowed), ts));
      });
    },
    process(record: Record<string, string>) {
      const ts = record.timestamp;
      store.put(record.key, record.value, ts - (ts % 10));
      context.forward(record.withValue(scan(store.fetch(record.key, ts - 20, ts))));
    },
  };
}

/**
 * Session store "ss" (retention 30 ms): each record puts its value as the session
 * [max(0, ts - digit), ts] of its key (a null value removes [ts, ts]) and forwards
 * findSessions(key, ts - 10, ts); every 7 ms of stream time forwards fetch("a"),
 * findSessions("b", "d", t - 20, t) and backwardFindSessions("b", "d", t - 20, t).
 */
function sessionStoreScanner(): Processor<string, string, string, string> {
  let context: ProcessorContext<string, string>;
  let store: SessionStore<string, string>;
  return {
    init(c: ProcessorContext<string, string>) {
      context = c;
      store = c.getStateStore('ss');
      c.schedule(7, PunctuationType.STREAM_TIME, (ts) => {
        c.forward(new Record('a', scan(store.fetch('a'), windowed), ts));
        c.forward(new Record('bd', scan(store.findSessions('b', 'd', ts - 20, ts), windowed), ts));
        c.forward(new Record('rev', scan(store.backwardFindSessions('b', 'd', ts - 20, ts), windowed), ts));
      });
    },
    process(record: Record<string, string>) {
      const ts = record.timestamp;
      if (record.value === null) store.remove(new Windowed(record.key, new SessionWindow(ts, ts)));
      else store.put(new Windowed(record.key, new SessionWindow(Math.max(0, ts - digit(record.value)), ts)), record.value);
      context.forward(record.withValue(scan(store.findSessions(record.key, ts - 10, ts), windowed)));
    },
  };
}

/** Forwards each value after the key's previous one ("prev>value"), kept in store "pv" (a null value keeps it). */
function previousValue(): FixedKeyProcessor<string, string, string> {
  let context: FixedKeyProcessorContext<string, string>;
  let store: KeyValueStore<string, string>;
  return {
    init(c: FixedKeyProcessorContext<string, string>) {
      context = c;
      store = c.getStateStore('pv');
    },
    process(record: FixedKeyRecord<string, string>) {
      const old = store.get(record.key);
      if (record.value !== null) store.put(record.key, record.value);
      context.forward(record.withValue(`${old}>${record.value}`));
    },
  };
}

/**
 * Appends to each value the first letter of the value it last transformed for the key
 * (kept in store "tv"; "-" the first time). Called for old values too, as Java does.
 */
function firstLetterOfLast(): ValueTransformerWithKey<string, string, string> {
  let store: KeyValueStore<string, string>;
  return {
    init(c: ValueTransformerContext) {
      store = c.getStateStore('tv');
    },
    transform(key: string, value: string | null) {
      const last = store.get(key);
      if (value !== null) store.put(key, value);
      return value === null ? null : value + (last === null ? '-' : last.slice(0, 1));
    },
  };
}

/**
 * Each program with the number of input topics it reads (in0, in1, ...) and its wall-clock
 * step: none = emit intervals 0 and a clock that stands still; otherwise the default emit
 * intervals, and the driver's clock advanced by that many ms before each record.
 */
const PROGRAMS: { readonly [name: string]: readonly [topics: number, build: (b: StreamBuilder) => void, wallClockStepMs?: number] } = {
  'table-regroup-aggregate': [
    1,
    (b) =>
      tableOut(
        table(b, 0)
          .groupBy((_k, v) => KeyValue.pair(v.slice(0, 1), v), Grouped.with(S, S))
          .aggregate(
            () => 0,
            (_k, v, agg) => agg + digit(v),
            (_k, v, agg) => agg - digit(v),
            Materialized.with(S, L),
          ),
      ),
  ],
  'table-filter-mapvalues': [
    1,
    (b) =>
      tableOut(
        table(b, 0)
          .filter((_k, v) => digit(v) % 3 !== 0)
          .mapValues((v) => v.toUpperCase()),
      ),
  ],
  'stream-reduce': [1, (b) => tableOut(grouped(b).reduce((x, y) => x + y))],
  'tumbling-count-grace': [1, (b) => windowedOut(grouped(b).windowedBy(TimeWindows.ofSizeAndGrace(10, 5)).count())],
  'hopping-count-suppressed': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(TimeWindows.ofSizeAndGrace(10, 4).advanceBy(5))
          .count()
          .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())),
      ),
  ],
  'session-reduce-grace': [1, (b) => windowedOut(grouped(b).windowedBy(SessionWindows.ofInactivityGapAndGrace(4, 6)).reduce((x, y) => x + y))],
  'sliding-count-grace': [1, (b) => windowedOut(grouped(b).windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(8, 5)).count())],
  'session-count-suppressed': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(SessionWindows.ofInactivityGapAndGrace(4, 3))
          .count()
          .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())),
      ),
  ],
  'tumbling-count-on-window-close': [1, (b) => windowedOut(grouped(b).windowedBy(TimeWindows.ofSizeAndGrace(10, 2)).emitStrategy(EmitStrategy.onWindowClose()).count())],
  'sliding-count-on-window-close': [1, (b) => windowedOut(grouped(b).windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(8, 3)).emitStrategy(EmitStrategy.onWindowClose()).count())],
  'hopping-count-on-window-close': [
    1,
    (b) => windowedOut(grouped(b).windowedBy(TimeWindows.ofSizeAndGrace(10, 2).advanceBy(5)).emitStrategy(EmitStrategy.onWindowClose()).count()),
  ],
  'session-count-on-window-close': [1, (b) => windowedOut(grouped(b).windowedBy(SessionWindows.ofInactivityGapAndGrace(4, 3)).emitStrategy(EmitStrategy.onWindowClose()).count())],
  'cogroup-tumbling': [
    2,
    (b) =>
      windowedOut(
        grouped(b)
          .cogroup<string>((_k, v, agg) => agg + v)
          .cogroup(stream(b, 1).groupByKey(Grouped.with(S, S)), (_k, v, agg) => agg + String(v).toUpperCase())
          .windowedBy(TimeWindows.ofSizeAndGrace(10, 3))
          .aggregate(() => '', Materialized.with(S, S)),
      ),
  ],
  'cogroup-session': [
    2,
    (b) =>
      windowedOut(
        grouped(b)
          .cogroup<string>((_k, v, agg) => agg + v)
          .cogroup(stream(b, 1).groupByKey(Grouped.with(S, S)), (_k, v, agg) => agg + String(v).toUpperCase())
          .windowedBy(SessionWindows.ofInactivityGapAndGrace(4, 5))
          .aggregate(
            () => '',
            (_k, left, right) => `${left}|${right}`,
            Materialized.with(S, S),
          ),
      ),
  ],
  'sliding-reduce-suppressed': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(6, 4))
          .reduce((x, y) => x + y)
          .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())),
      ),
  ],
  'table-suppress-time-limit': [1, (b) => tableOut(table(b, 0).suppress(Suppressed.untilTimeLimit(6, BufferConfig.unbounded())))],
  'table-suppress-emit-early': [1, (b) => tableOut(table(b, 0).suppress(Suppressed.untilTimeLimit(8, BufferConfig.maxRecords(2).emitEarlyWhenFull())))],
  'table-regroup-reduce': [
    1,
    (b) =>
      tableOut(
        table(b, 0)
          .groupBy((k, v) => KeyValue.pair(v.slice(0, 1), k + v.slice(1)), Grouped.with(S, S))
          .reduce(
            (agg, v) => agg + v,
            (agg, v) => agg.replace(v, ''),
          ),
      ),
  ],
  'to-table-regroup-count': [
    1,
    (b) =>
      tableOut(
        stream(b, 0)
          .toTable()
          .groupBy((_k, v) => KeyValue.pair(v.slice(0, 1), v), Grouped.with(S, S))
          .count(),
      ),
  ],
  'select-key-count': [
    1,
    (b) =>
      tableOut(
        stream(b, 0)
          // A null key (from a null value) is dropped before the repartition, as in Java.
          .selectKey((_k, v) => (v === null ? (null as unknown as string) : v.slice(0, 1)))
          .groupByKey(Grouped.with(S, S))
          .count(),
      ),
  ],
  'merge-rekey-count': [
    2,
    (b) =>
      tableOut(
        stream(b, 0)
          .merge(stream(b, 1))
          .selectKey((_k, v) => (v === null ? (null as unknown as string) : v.slice(0, 1)))
          .groupByKey(Grouped.with(S, S))
          .count(),
      ),
  ],
  'tumbling-count-suppress-time-limit': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(TimeWindows.ofSizeAndGrace(10, 3))
          .count()
          .suppress(Suppressed.untilTimeLimit(4, BufferConfig.unbounded())),
      ),
  ],
  'stream-stream-outer-no-grace': [
    2,
    (b) => stream(b, 0).outerJoin(stream(b, 1), joined, JoinWindows.ofTimeDifferenceWithNoGrace(4), StreamJoined.with(S, S, S)).to('out', Produced.with(S, S)),
  ],
  'stream-time-punctuation': [1, (b) => stream(b, 0).process(punctuatingCounter(PunctuationType.STREAM_TIME, 5, 'p')).to('out', Produced.with(S, S))],
  'stream-stream-inner': [2, (b) => stream(b, 0).join(stream(b, 1), joined, joinWindows(), StreamJoined.with(S, S, S)).to('out', Produced.with(S, S))],
  'stream-stream-left': [2, (b) => stream(b, 0).leftJoin(stream(b, 1), joined, joinWindows(), StreamJoined.with(S, S, S)).to('out', Produced.with(S, S))],
  'stream-stream-outer': [2, (b) => stream(b, 0).outerJoin(stream(b, 1), joined, joinWindows(), StreamJoined.with(S, S, S)).to('out', Produced.with(S, S))],
  'stream-stream-outer-asymmetric': [
    2,
    (b) =>
      stream(b, 0)
        .outerJoin(stream(b, 1), joined, JoinWindows.ofTimeDifferenceAndGrace(6, 2).before(2), StreamJoined.with(S, S, S))
        .to('out', Produced.with(S, S)),
  ],
  'stream-stream-left-asymmetric': [
    2,
    (b) =>
      stream(b, 0)
        .leftJoin(stream(b, 1), joined, JoinWindows.ofTimeDifferenceAndGrace(3, 4).after(7), StreamJoined.with(S, S, S))
        .to('out', Produced.with(S, S)),
  ],
  'stream-table-left': [2, (b) => stream(b, 0).leftJoin(table(b, 1), joined).to('out', Produced.with(S, S))],
  'table-table-outer': [2, (b) => tableOut(table(b, 0).outerJoin(table(b, 1), joined))],
  'table-table-left': [2, (b) => tableOut(table(b, 0).leftJoin(table(b, 1), joined))],
  'table-table-inner-filtered': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .join(table(b, 1), joined)
          .filter((_k, v) => !v.includes('0')),
      ),
  ],
  'stream-global-table-left': [
    2,
    (b) =>
      stream(b, 0)
        .leftJoin(b.globalTable('in1', Consumed.with(S, S)), (_k, v) => (v === null ? null : v.slice(0, 1)), joined)
        .to('out', Produced.with(S, S)),
  ],
  'stream-table-left-through-getters': [
    2,
    (b) =>
      stream(b, 0)
        .leftJoin(
          table(b, 1)
            .filter((_k, v) => digit(v) > 2)
            .mapValues((v) => v.toUpperCase()),
          joined,
        )
        .to('out', Produced.with(S, S)),
  ],
  'table-table-join-through-getters': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .mapValues((v) => v.toUpperCase())
          .leftJoin(
            table(b, 1).filter((_k, v) => digit(v) % 2 === 0),
            joined,
          ),
      ),
  ],
  'stream-global-table-inner': [
    2,
    (b) =>
      stream(b, 0)
        .join(b.globalTable('in1', Consumed.with(S, S)), (_k, v) => (v === null ? null : v.slice(0, 1)), joined)
        .to('out', Produced.with(S, S)),
  ],
  'foreign-key-inner': [2, (b) => tableOut(table(b, 0).join(table(b, 1), (v) => v.slice(0, 1), joined))],
  'foreign-key-left': [2, (b) => tableOut(table(b, 0).leftJoin(table(b, 1), (v) => v.slice(0, 1), joined))],
  'table-join-regroup-count': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .join(table(b, 1), joined)
          .groupBy((_k, v) => KeyValue.pair(v.slice(0, 1), v), Grouped.with(S, S))
          .count(),
      ),
  ],
  'table-left-join-regroup-aggregate': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .leftJoin(table(b, 1), joined)
          .groupBy((_k, v) => KeyValue.pair(v.slice(-1), v), Grouped.with(S, S))
          .aggregate(
            () => '',
            (_k, v, agg) => agg + v[0]!,
            (_k, v, agg) => agg.replace(v[0]!, ''),
            Materialized.with(S, S),
          ),
      ),
  ],
  'table-filter-regroup-count': [
    1,
    (b) =>
      tableOut(
        table(b, 0)
          .filter((_k, v) => digit(v) >= 3)
          .groupBy((_k, v) => KeyValue.pair(v.slice(0, 1), v), Grouped.with(S, S))
          .count(),
      ),
  ],
  'count-filter': [1, (b) => tableOut(grouped(b).count().filter((_k, c) => c % 2 === 0))],
  'stream-join-reduced-table': [
    2,
    (b) =>
      stream(b, 0)
        .join(
          stream(b, 1)
            .groupByKey(Grouped.with(S, S))
            .reduce((x, y) => y.slice(0, 1) + x.length),
          joined,
        )
        .to('out', Produced.with(S, S)),
  ],
  'rekey-stream-table-join': [
    2,
    (b) =>
      stream(b, 0)
        .selectKey((k, v) => (v === null ? k : v.slice(0, 1)))
        .join(table(b, 1), joined)
        .to('out', Produced.with(S, S)),
  ],
  'counts-table-join': [2, (b) => tableOut(grouped(b).count().join(stream(b, 1).groupByKey(Grouped.with(S, S)).count(), (l, r) => `${l}/${r}`))],
  'windowed-count-regroup-reduce': [
    1,
    (b) =>
      tableOut(
        grouped(b)
          .windowedBy(TimeWindows.ofSizeAndGrace(10, 3))
          .count()
          .toStream()
          .map((k, c) => KeyValue.pair(String(k.window.start), `${k.key}${c}`))
          .groupByKey(Grouped.with(S, S))
          .reduce((x, y) => (x.length > 8 ? y : `${x}+${y}`)),
      ),
  ],
  'split-merge-count': [
    1,
    (b) => {
      const branches = stream(b, 0)
        .split(Named.as('s-'))
        .branch((_k, v) => v !== null && digit(v) < 3, Branched.withFunction((s) => s.mapValues((v) => v.toUpperCase()), 'low'))
        .branch((_k, v) => v !== null && digit(v) > 6, Branched.as('high'))
        .defaultBranch(Branched.as('rest'));
      tableOut(
        branches
          .get('s-low')!
          .merge(branches.get('s-high')!)
          .merge(
            branches
              .get('s-rest')!
              .filter((_k, v) => v !== null)
              .mapValues((v) => v.slice(0, 1)),
          )
          .groupBy((_k, v) => v.slice(0, 1), Grouped.with(S, S))
          .count(),
      );
    },
  ],
  'flatmap-reduce': [
    1,
    (b) =>
      tableOut(
        stream(b, 0)
          .flatMap((k, v) => (v === null ? [] : [KeyValue.pair(k + v[0]!, v), KeyValue.pair(v.slice(0, 1), k)]))
          .groupByKey(Grouped.with(S, S))
          .reduce((x, y) => (x.length > 6 ? y : x + y)),
      ),
  ],
  'foreign-key-join-regroup-count': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .join(table(b, 1), (v) => v.slice(0, 1), joined)
          .groupBy((_k, v) => KeyValue.pair(v.slice(-1), v), Grouped.with(S, S))
          .count(),
      ),
  ],
  'table-outer-join-suppress-emit-early': [
    2,
    (b) =>
      tableOut(
        table(b, 0)
          .outerJoin(table(b, 1), joined)
          .suppress(Suppressed.untilTimeLimit(5, BufferConfig.maxRecords(3).emitEarlyWhenFull())),
      ),
  ],
  'stream-stream-self-join': [
    1,
    (b) => {
      const s = stream(b, 0);
      s.join(s, joined, JoinWindows.ofTimeDifferenceAndGrace(3, 2), StreamJoined.with(S, S, S)).to('out', Produced.with(S, S));
    },
  ],
  'to-table-join-materialized-mapvalues': [
    2,
    (b) =>
      tableOut(
        stream(b, 0)
          .toTable()
          .join(
            table(b, 1).mapValues((v) => `${v}!`, Materialized.with(S, S)),
            joined,
          ),
      ),
  ],
  'hopping-aggregate-filter-suppressed': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(TimeWindows.ofSizeAndGrace(8, 2).advanceBy(4))
          .aggregate(() => '', (_k, v, agg) => agg + (v === null ? '_' : v.slice(0, 1)), Materialized.with(S, S))
          .filter((_k, v) => v.length % 2 === 1)
          .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())),
      ),
  ],
  'cogroup-aggregate': [
    2,
    (b) =>
      tableOut(
        grouped(b)
          .cogroup<string>((_k, v, agg) => agg + v)
          .cogroup(stream(b, 1).groupByKey(Grouped.with(S, S)), (_k, v, agg) => (agg.length > 6 ? String(v) : agg + v))
          .aggregate(() => '', Materialized.with(S, S)),
      ),
  ],
  'stream-aggregate-nulls': [
    1,
    (b) => tableOut(grouped(b).aggregate(() => '', (_k, v, agg) => (agg.length > 5 ? '' : agg) + (v === null ? '_' : v.slice(1)), Materialized.with(S, S))),
  ],
  'sliding-aggregate': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(5, 3))
          .aggregate(() => '', (_k, v, agg) => agg + (v === null ? '_' : v.slice(0, 1)), Materialized.with(S, S)),
      ),
  ],
  'three-table-join': [
    3,
    (b) =>
      tableOut(
        table(b, 0)
          .join(table(b, 1), joined)
          .leftJoin(table(b, 2), joined),
      ),
  ],
  'table-to-stream-rekey-count': [
    1,
    (b) =>
      tableOut(
        table(b, 0)
          .toStream((k, v) => (v === null ? k : v.slice(0, 1)))
          .groupByKey(Grouped.with(S, S))
          .count(),
      ),
  ],
  'stream-table-left-join-regroup-reduce': [
    2,
    (b) =>
      tableOut(
        stream(b, 0)
          .leftJoin(table(b, 1), joined)
          .groupBy((_k, v) => v.slice(-1), Grouped.with(S, S))
          .reduce((x, y) => (x.length > 10 ? y : x + y)),
      ),
  ],
  'flatmapvalues-count-cached': [
    1,
    (b) =>
      tableOut(
        stream(b, 0)
          .flatMapValues((v) => (v === null ? [] : [v, v.toUpperCase(), v]))
          .groupByKey(Grouped.with(S, S))
          .count(),
      ),
  ],
  'flatmapvalues-count-uncached': [
    1,
    (b) =>
      tableOut(
        stream(b, 0)
          .flatMapValues((v) => (v === null ? [] : [v, v.toUpperCase(), v]))
          .groupByKey(Grouped.with(S, S))
          .count(Materialized.with<string, number>(S, L).withCachingDisabled()),
      ),
  ],
  'flatmapvalues-tumbling-count-cached': [
    1,
    (b) =>
      windowedOut(
        stream(b, 0)
          .flatMapValues((v) => (v === null ? [] : [v, v]))
          .groupByKey(Grouped.with(S, S))
          .windowedBy(TimeWindows.ofSizeAndGrace(10, 3))
          .count(),
      ),
  ],
  'same-input-aggregates-join': [
    1,
    (b) => {
      const g = grouped(b);
      tableOut(g.count().join(g.reduce((_x, y) => y), (l, r) => `${l}/${r}`));
    },
  ],
  'same-input-aggregates-join-one-uncached': [
    1,
    (b) => {
      const g = grouped(b);
      tableOut(
        g
          .reduce((_x, y) => y, Materialized.with<string, string>(S, S).withCachingDisabled())
          .leftJoin(g.count(), (l, r) => `${l}/${r}`),
      );
    },
  ],
  'tumbling-count-on-window-close-wall-clock': [
    1,
    (b) => windowedOut(grouped(b).windowedBy(TimeWindows.ofSizeAndGrace(10, 2)).emitStrategy(EmitStrategy.onWindowClose()).count()),
    150,
  ],
  'session-count-on-window-close-wall-clock': [
    1,
    (b) => windowedOut(grouped(b).windowedBy(SessionWindows.ofInactivityGapAndGrace(4, 3)).emitStrategy(EmitStrategy.onWindowClose()).count()),
    150,
  ],
  'stream-stream-outer-wall-clock': [
    2,
    (b) => stream(b, 0).outerJoin(stream(b, 1), joined, joinWindows(), StreamJoined.with(S, S, S)).to('out', Produced.with(S, S)),
    150,
  ],
  'wall-clock-punctuation': [1, (b) => stream(b, 0).process(punctuatingCounter(PunctuationType.WALL_CLOCK_TIME, 400, 'w')).to('out', Produced.with(S, S)), 150],
  'store-scans': [
    1,
    (b) => {
      b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('kv'), S, S));
      stream(b, 0).process(storeScanner, 'kv').to('out', Produced.with(S, S));
    },
  ],
  'store-scans-cached': [
    1,
    (b) => {
      b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('kv'), S, S).withCachingEnabled());
      stream(b, 0).process(storeScanner, 'kv').to('out', Produced.with(S, S));
    },
  ],
  'window-store-scans': [
    1,
    (b) => {
      b.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore('ws', 30, 10, false), S, S));
      stream(b, 0).process(windowStoreScanner, 'ws').to('out', Produced.with(S, S));
    },
  ],
  'window-store-scans-cached': [
    1,
    (b) => {
      b.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore('ws', 30, 10, false), S, S).withCachingEnabled());
      stream(b, 0).process(windowStoreScanner, 'ws').to('out', Produced.with(S, S));
    },
  ],
  'session-store-scans': [
    1,
    (b) => {
      b.addStateStore(Stores.sessionStoreBuilder(Stores.persistentSessionStore('ss', 30), S, S));
      stream(b, 0).process(sessionStoreScanner, 'ss').to('out', Produced.with(S, S));
    },
  ],
  'session-store-scans-cached': [
    1,
    (b) => {
      b.addStateStore(Stores.sessionStoreBuilder(Stores.persistentSessionStore('ss', 30), S, S).withCachingEnabled());
      stream(b, 0).process(sessionStoreScanner, 'ss').to('out', Produced.with(S, S));
    },
  ],
  'process-values-store': [
    1,
    (b) => {
      b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('pv'), S, S));
      stream(b, 0).processValues(previousValue, 'pv').to('out', Produced.with(S, S));
    },
  ],
  'table-transform-values-regroup-count': [
    1,
    (b) => {
      b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('tv'), S, S));
      tableOut(
        table(b, 0)
          .transformValues(firstLetterOfLast, 'tv')
          .groupBy((_k, v) => KeyValue.pair(v.slice(-1), v), Grouped.with(S, S))
          .count(),
      );
    },
  ],
  'repartition-count': [1, (b) => tableOut(stream(b, 0).repartition().groupByKey(Grouped.with(S, S)).count())],
  'session-count-suppress-time-limit': [
    1,
    (b) =>
      windowedOut(
        grouped(b)
          .windowedBy(SessionWindows.ofInactivityGapAndGrace(4, 3))
          .count()
          .suppress(Suppressed.untilTimeLimit(5, BufferConfig.maxRecords(2).emitEarlyWhenFull())),
      ),
  ],
};

/** Our output for every seed, in the fixture's format. */
async function run(topics: number, build: (b: StreamBuilder) => void, wallClockStepMs = 0): Promise<string> {
  let out = '';
  for (let seed = FIRST_SEED; seed <= LAST_SEED; seed++) {
    const b = new StreamBuilder();
    build(b);
    const intervals = wallClockStepMs === 0 ? { emitIntervalMsKstreamsWindowedAggregation: 0, emitIntervalMsKstreamsOuterJoinSpuriousResultsFix: 0 } : {};
    const driver = driverFor(b.build(STRING_DEFAULTS), intervals);
    const inputTopics = Array.from({ length: topics }, (_, i) => driver.createInputTopic(`in${i}`, S.serializer(), S.serializer()));
    const output = driver.createOutputTopic('out', S.deserializer(), S.deserializer());
    for (const r of inputs(seed, topics)) {
      if (wallClockStepMs > 0) await driver.advanceWallClockTime(wallClockStepMs);
      await inputTopics[r.topic]!.pipeInput(r.key, r.value, r.timestamp);
    }
    out += `--- seed ${seed}\n`;
    for (const r of output.readRecordsToList()) out += `${r.key} ${r.value} @${r.timestamp}\n`;
    await driver.close();
  }
  return out;
}

describe('differential runs against Java 4.4 (random input, outputs from its TopologyTestDriver)', () => {
  for (const [name, [topics, build, wallClockStepMs]] of Object.entries(PROGRAMS)) {
    it(name, async () => {
      const expected = readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');
      expect(await run(topics, build, wallClockStepMs)).toBe(expected);
    });
  }
});
