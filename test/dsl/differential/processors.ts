// The Processor API parts of the differential programs (see differential.test.ts), each the
// twin of a class in tools/java-reference/src/main/java/kstreams/reference/DifferentialProcessors.java.
import {
  PunctuationType,
  Record,
  SessionWindow,
  Windowed,
  type FixedKeyProcessor,
  type FixedKeyProcessorContext,
  type FixedKeyRecord,
  type KeyValueIterator,
  type KeyValueStore,
  type SessionStore,
  type WindowStore,
  type Processor,
  type ValueTransformerContext,
  type ValueTransformerWithKey,
  type ProcessorContext,
} from '../../../src/index.js';
import { S } from '../driver-helpers.js';
import { digit, windowed } from './helpers.js';

/** Counts records; every `intervalMs` (of `type` time) forwards (`key`, count since the last punctuation). */
export function punctuatingCounter(type: PunctuationType, intervalMs: number, key: string): () => Processor<string, string, string, string> {
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

/**
 * `key=value,` per entry (`keyText` of each key), null values left out as in
 * DifferentialProcessors.java (see its `scan`: a Java bug).
 */
export function scan<K>(it: KeyValueIterator<K, string>, keyText: (key: K) => string = String): string {
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
export function storeScanner(): Processor<string, string, string, string> {
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
export function windowStoreScanner(): Processor<string, string, string, string> {
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
export function sessionStoreScanner(): Processor<string, string, string, string> {
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
export function previousValue(): FixedKeyProcessor<string, string, string> {
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
export function firstLetterOfLast(): ValueTransformerWithKey<string, string, string> {
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
