// Differential programs (see differential.test.ts): an advancing wall clock, and Processor API
// stores (scans, processValues, transformValues). Each is the twin of the program of the same
// name in tools/java-reference/src/main/java/kstreams/reference/DifferentialPrograms.java.
import {
  EmitStrategy,
  Grouped,
  KeyValue,
  Produced,
  PunctuationType,
  SessionWindows,
  Stores,
  StreamJoined,
  TimeWindows,
} from '../../../src/index.js';
import { S } from '../driver-helpers.js';
import {
  grouped,
  joined,
  joinWindows,
  stream,
  table,
  tableOut,
  windowedOut,
  type Programs,
} from './helpers.js';
import {
  firstLetterOfLast,
  previousValue,
  punctuatingCounter,
  sessionStoreScanner,
  storeScanner,
  windowStoreScanner,
} from './processors.js';

export const CLOCK_AND_STORE_PROGRAMS: Programs = {
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
};
