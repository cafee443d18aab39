package kstreams.reference;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.SlidingWindows;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.WindowedSerdes;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowStore;

/** Windowed sample programs (issue 6); registered in {@link Programs#all()}. */
final class WindowedPrograms {
    private WindowedPrograms() {}

    private static final Serde<String> STRING = Serdes.String();
    private static final Serde<Long> LONG = Serdes.Long();

    static Map<String, Programs.Program> all() {
        final Map<String, Programs.Program> p = new LinkedHashMap<>();
        p.put("article-minute-click-counts", WindowedPrograms::minuteClickCounts);
        p.put("article-five-minute-aggregates", WindowedPrograms::fiveMinuteAggregates);
        p.put("article-session-counts", WindowedPrograms::sessionCounts);
        p.put("windowed-unnamed", WindowedPrograms::windowedUnnamed);
        p.put("windowed-cogroup", WindowedPrograms::windowedCogroup);
        return p;
    }

    /** clicks -> groupByKey -> 1-minute windows, 10 s grace -> count(as "minute-click-counts-store") -> minute-click-counts. */
    static Topology minuteClickCounts() {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream("clicks", Consumed.with(STRING, STRING))
            .groupByKey()
            .windowedBy(TimeWindows.ofSizeAndGrace(ofMinutes(1), ofSeconds(10)))
            .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("minute-click-counts-store"))
            .toStream()
            .to("minute-click-counts", Produced.with(WindowedSerdes.timeWindowedSerdeFrom(String.class, 60_000L), LONG));
        return builder.build();
    }

    /**
     * events -> mapValues(value field) -> groupByKey -> 5-minute windows advancing by 1 minute ->
     * aggregate(sum, as "five-minute-aggregates-store") -> five-minute-aggregates.
     */
    static Topology fiveMinuteAggregates() {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream("events", Consumed.with(STRING, STRING))
            .mapValues(json -> Long.parseLong(json.replaceAll(".*\"value\"\\s*:\\s*(-?\\d+).*", "$1")))
            .groupByKey(Grouped.with(STRING, LONG))
            .windowedBy(TimeWindows.ofSizeWithNoGrace(ofMinutes(5)).advanceBy(ofMinutes(1)))
            .aggregate(() -> 0L, (key, value, sum) -> sum + value,
                Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("five-minute-aggregates-store").withValueSerde(LONG))
            .toStream()
            .to("five-minute-aggregates", Produced.with(WindowedSerdes.timeWindowedSerdeFrom(String.class, 300_000L), LONG));
        return builder.build();
    }

    /** user-actions -> groupByKey -> sessions (5-minute gap) -> count(as "session-counts-store") -> session-counts. */
    static Topology sessionCounts() {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream("user-actions", Consumed.with(STRING, STRING))
            .groupByKey()
            .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(ofMinutes(5)))
            .count(Materialized.<String, Long, SessionStore<Bytes, byte[]>>as("session-counts-store"))
            .toStream()
            .to("session-counts", Produced.with(WindowedSerdes.sessionWindowedSerdeFrom(String.class), LONG));
        return builder.build();
    }

    /**
     * Generated names: stream("in").selectKey -> groupByKey: time windows count(Materialized.with)
     * (burns a name), sliding count(Materialized.with) (does not), session reduce, time windows
     * emitting on close aggregate, and a named suppression.
     */
    static Topology windowedUnnamed() {
        final StreamsBuilder builder = new StreamsBuilder();
        final KGroupedStream<String, String> grouped = builder.stream("in", Consumed.with(STRING, STRING))
            .selectKey((k, v) -> v)
            .groupByKey(Grouped.with(STRING, STRING));
        grouped.windowedBy(TimeWindows.ofSizeWithNoGrace(ofMillis(10)))
            .count(Materialized.with(STRING, LONG))
            .toStream().to("out-time");
        grouped.windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(ofMillis(10)))
            .count(Materialized.with(STRING, LONG))
            .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("final"))
            .toStream().to("out-sliding");
        grouped.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(ofMillis(10)))
            .reduce((a, b) -> a + b)
            .toStream().to("out-session");
        grouped.windowedBy(TimeWindows.ofSizeWithNoGrace(ofMillis(10)))
            .emitStrategy(EmitStrategy.onWindowClose())
            .aggregate(() -> "", (k, v, agg) -> agg + v)
            .toStream().to("out-final");
        return builder.build();
    }

    /** Two grouped streams cogrouped, windowed by 10 ms tumbling windows, aggregated unnamed. */
    static Topology windowedCogroup() {
        final StreamsBuilder builder = new StreamsBuilder();
        final KGroupedStream<String, String> a = builder.stream("in-a", Consumed.with(STRING, STRING)).groupByKey();
        final KGroupedStream<String, String> b = builder.stream("in-b", Consumed.with(STRING, STRING)).groupByKey();
        a.<Long>cogroup((k, v, agg) -> agg + 1)
            .cogroup(b, (k, v, agg) -> agg + 10)
            .windowedBy(TimeWindows.ofSizeWithNoGrace(ofMillis(10)))
            .aggregate(() -> 0L)
            .toStream().to("out");
        return builder.build();
    }
}
