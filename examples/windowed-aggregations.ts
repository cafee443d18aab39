// Windowed aggregations (issue 6): the article's three topologies.
//
//   clicks        -> per-minute click counts per user, 10 s grace   -> minute-click-counts
//   events        -> 5-minute sums of `value`, advancing every minute -> five-minute-aggregates
//   user-actions  -> actions per session (5-minute inactivity gap)  -> session-counts
//
// Output keys are `Windowed<string>` written with Java's windowed key bytes (key + window
// start; sessions: key + end + start), so Java consumers read them with WindowedSerdes.
// Run one with `kstreams run examples/windowed-aggregations.ts`; the tests pipe records
// through the TopologyTestDriver (test/dsl/windowed/article-examples.test.ts).
import { Duration } from 'luxon';
import {
  Consumed,
  Grouped,
  Materialized,
  Produced,
  Serdes,
  SessionWindows,
  StreamBuilder,
  TimeWindows,
  WindowedSerdes,
  type StreamsConfig,
  type Topology,
} from 'kstreams';

/** One record of `events`. */
export interface Event {
  readonly value: number;
}

export const MINUTE = Duration.fromObject({ minutes: 1 });
export const FIVE_MINUTES = Duration.fromObject({ minutes: 5 });

/** Key serdes of the outputs (the window size is needed to read time-windowed keys back). */
export const minuteKeys = WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), MINUTE.toMillis());
export const fiveMinuteKeys = WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), FIVE_MINUTES.toMillis());
export const sessionKeys = WindowedSerdes.sessionWindowedSerdeFrom(Serdes.String());

/** The application's config (add `bootstrapServers` to run against Kafka). */
export const config: StreamsConfig = {
  applicationId: 'windowed-aggregations',
  defaultKeySerde: Serdes.String(),
  defaultValueSerde: Serdes.String(),
};

/**
 * clicks (user -> page) -> count per user and minute, accepting clicks up to 10 s late ->
 * `minute-click-counts` (an update per click; the window store `minute-click-counts-store`).
 */
export function buildMinuteClickCounts(): Topology {
  const builder = new StreamBuilder();
  builder
    .stream('clicks', Consumed.with(Serdes.String(), Serdes.String()))
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, Duration.fromObject({ seconds: 10 })))
    .count(Materialized.as('minute-click-counts-store'))
    .toStream()
    .to('minute-click-counts', Produced.with(minuteKeys, Serdes.Long()));
  return builder.build(config);
}

/**
 * events (source -> `{ "value": n }`) -> sum of `value` per key over 5-minute windows that
 * advance every minute (each event counts in five windows) -> `five-minute-aggregates`.
 */
export function buildFiveMinuteAggregates(): Topology {
  const builder = new StreamBuilder();
  builder
    .stream('events', Consumed.with(Serdes.String(), Serdes.Json<Event>()))
    .mapValues((event) => event.value)
    .groupByKey(Grouped.with(Serdes.String(), Serdes.Long()))
    .windowedBy(TimeWindows.ofSizeWithNoGrace(FIVE_MINUTES).advanceBy(MINUTE))
    .aggregate(() => 0, (_key, value: number, sum: number) => sum + value, Materialized.as<string, number>('five-minute-aggregates-store').withValueSerde(Serdes.Long()))
    .toStream()
    .to('five-minute-aggregates', Produced.with(fiveMinuteKeys, Serdes.Long()));
  return builder.build(config);
}

/**
 * user-actions (user -> action) -> actions per user session, sessions split by 5 minutes of
 * inactivity -> `session-counts`. When a record merges sessions, each replaced session is
 * sent as a tombstone (null count) before the merged one.
 */
export function buildSessionCounts(): Topology {
  const builder = new StreamBuilder();
  builder
    .stream('user-actions', Consumed.with(Serdes.String(), Serdes.String()))
    .groupByKey()
    .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(FIVE_MINUTES))
    .count(Materialized.as('session-counts-store'))
    .toStream()
    .to('session-counts', Produced.with(sessionKeys, Serdes.Long()));
  return builder.build(config);
}

/** `kstreams run` runs this one; the other two are exported for tests and other runners. */
export function buildTopology(): Topology {
  return buildMinuteClickCounts();
}
