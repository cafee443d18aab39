package kstreams.reference;

import static java.time.Duration.ofMillis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kstreams.reference.DifferentialProcessors.FirstLetterOfLast;
import kstreams.reference.DifferentialProcessors.PreviousValue;
import kstreams.reference.DifferentialProcessors.PunctuatingCounter;
import kstreams.reference.DifferentialProcessors.SessionStoreScanner;
import kstreams.reference.DifferentialProcessors.StoreScanner;
import kstreams.reference.DifferentialProcessors.WindowStoreScanner;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.SlidingWindows;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** The differential programs (see {@link Differential}) and the helpers they share. */
final class DifferentialPrograms {
    private DifferentialPrograms() {}

    static final Serde<String> S = Serdes.String();
    static final Serde<Long> L = Serdes.Long();

    static int digit(final String v) {
        return v.charAt(1) - '0';
    }

    static String windowed(final Windowed<String> k) {
        return k.key() + "@" + k.window().start() + "/" + k.window().end();
    }

    static <V> void tableOut(final KTable<String, V> table) {
        table.toStream().mapValues(v -> v == null ? null : String.valueOf(v)).to("out", Produced.with(S, S));
    }

    static <V> void windowedOut(final KTable<Windowed<String>, V> table) {
        table.toStream().map((k, v) -> KeyValue.pair(windowed(k), v == null ? null : String.valueOf(v))).to("out", Produced.with(S, S));
    }

    static KGroupedStream<String, String> grouped(final StreamsBuilder b) {
        return b.stream("in0", Consumed.with(S, S)).groupByKey(Grouped.with(S, S));
    }

    static KStream<String, String> stream(final StreamsBuilder b, final int i) {
        return b.stream("in" + i, Consumed.with(S, S));
    }

    static KTable<String, String> table(final StreamsBuilder b, final int i) {
        return b.table("in" + i, Consumed.with(S, S));
    }


    /**
     * A program, the number of input topics it reads (in0, in1, ...) and its wall-clock step:
     * 0 = emit intervals 0 and a clock that stands still; otherwise the default emit intervals,
     * and the driver's clock advanced by that many ms before each record.
     */
    record Program(int topics, Consumer<StreamsBuilder> build, long wallClockStepMs) {
        Program(final int topics, final Consumer<StreamsBuilder> build) {
            this(topics, build, 0);
        }
    }

    static Map<String, Program> programs() {
        final Map<String, Program> p = new LinkedHashMap<>();
        p.put("table-regroup-aggregate", new Program(1, b -> tableOut(table(b, 0)
            .groupBy((k, v) -> KeyValue.pair(v.substring(0, 1), v), Grouped.with(S, S))
            .aggregate(() -> 0L, (k, v, agg) -> agg + digit(v), (k, v, agg) -> agg - digit(v), Materialized.with(S, L)))));
        p.put("table-filter-mapvalues", new Program(1, b -> tableOut(table(b, 0)
            .filter((k, v) -> digit(v) % 3 != 0)
            .mapValues(v -> v.toUpperCase()))));
        p.put("stream-reduce", new Program(1, b -> tableOut(grouped(b).reduce((x, y) -> x + y))));
        p.put("tumbling-count-grace", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(5))).count())));
        p.put("hopping-count-suppressed", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(4)).advanceBy(ofMillis(5))).count()
            .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())))));
        p.put("session-reduce-grace", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(SessionWindows.ofInactivityGapAndGrace(ofMillis(4), ofMillis(6))).reduce((x, y) -> x + y))));
        p.put("sliding-count-grace", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(ofMillis(8), ofMillis(5))).count())));
        p.put("session-count-suppressed", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(SessionWindows.ofInactivityGapAndGrace(ofMillis(4), ofMillis(3))).count()
            .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())))));
        p.put("tumbling-count-on-window-close", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(2)))
            .emitStrategy(EmitStrategy.onWindowClose()).count())));
        p.put("sliding-count-on-window-close", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(ofMillis(8), ofMillis(3)))
            .emitStrategy(EmitStrategy.onWindowClose()).count())));
        p.put("hopping-count-on-window-close", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(2)).advanceBy(ofMillis(5)))
            .emitStrategy(EmitStrategy.onWindowClose()).count())));
        p.put("session-count-on-window-close", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(SessionWindows.ofInactivityGapAndGrace(ofMillis(4), ofMillis(3)))
            .emitStrategy(EmitStrategy.onWindowClose()).count())));
        p.put("cogroup-tumbling", new Program(2, b -> windowedOut(grouped(b)
            .<String>cogroup((k, v, agg) -> agg + v)
            .cogroup(stream(b, 1).groupByKey(Grouped.with(S, S)), (k, v, agg) -> agg + String.valueOf(v).toUpperCase())
            .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(3)))
            .aggregate(() -> "", Materialized.with(S, S)))));
        p.put("cogroup-session", new Program(2, b -> windowedOut(grouped(b)
            .<String>cogroup((k, v, agg) -> agg + v)
            .cogroup(stream(b, 1).groupByKey(Grouped.with(S, S)), (k, v, agg) -> agg + String.valueOf(v).toUpperCase())
            .windowedBy(SessionWindows.ofInactivityGapAndGrace(ofMillis(4), ofMillis(5)))
            .aggregate(() -> "", (k, left, right) -> left + "|" + right, Materialized.with(S, S)))));
        p.put("sliding-reduce-suppressed", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(ofMillis(6), ofMillis(4))).reduce((x, y) -> x + y)
            .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())))));
        p.put("table-suppress-time-limit", new Program(1, b -> tableOut(table(b, 0)
            .suppress(Suppressed.untilTimeLimit(ofMillis(6), Suppressed.BufferConfig.unbounded())))));
        p.put("table-suppress-emit-early", new Program(1, b -> tableOut(table(b, 0)
            .suppress(Suppressed.untilTimeLimit(ofMillis(8), Suppressed.BufferConfig.maxRecords(2).emitEarlyWhenFull())))));
        p.put("table-regroup-reduce", new Program(1, b -> tableOut(table(b, 0)
            .groupBy((k, v) -> KeyValue.pair(v.substring(0, 1), k + v.substring(1)), Grouped.with(S, S))
            .reduce((agg, v) -> agg + v, (agg, v) -> agg.replaceFirst(v, "")))));
        p.put("to-table-regroup-count", new Program(1, b -> tableOut(stream(b, 0).toTable()
            .groupBy((k, v) -> KeyValue.pair(v.substring(0, 1), v), Grouped.with(S, S)).count())));
        p.put("select-key-count", new Program(1, b -> tableOut(stream(b, 0)
            .selectKey((k, v) -> v == null ? null : v.substring(0, 1))
            .groupByKey(Grouped.with(S, S)).count())));
        p.put("merge-rekey-count", new Program(2, b -> tableOut(stream(b, 0).merge(stream(b, 1))
            .selectKey((k, v) -> v == null ? null : v.substring(0, 1))
            .groupByKey(Grouped.with(S, S)).count())));
        p.put("tumbling-count-suppress-time-limit", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(3))).count()
            .suppress(Suppressed.untilTimeLimit(ofMillis(4), Suppressed.BufferConfig.unbounded())))));
        p.put("stream-stream-outer-no-grace", new Program(2, b -> stream(b, 0)
            .outerJoin(stream(b, 1), (l, r) -> l + "/" + r, JoinWindows.ofTimeDifferenceWithNoGrace(ofMillis(4)), StreamJoined.with(S, S, S))
            .to("out", Produced.with(S, S))));
        p.put("stream-time-punctuation", new Program(1, b -> stream(b, 0)
            .process(() -> new PunctuatingCounter(PunctuationType.STREAM_TIME, 5, "p"))
            .to("out", Produced.with(S, S))));
        p.put("stream-stream-inner", new Program(2, b -> stream(b, 0)
            .join(stream(b, 1), (l, r) -> l + "/" + r, JoinWindows.ofTimeDifferenceAndGrace(ofMillis(5), ofMillis(3)), StreamJoined.with(S, S, S))
            .to("out", Produced.with(S, S))));
        p.put("stream-stream-left", new Program(2, b -> stream(b, 0)
            .leftJoin(stream(b, 1), (l, r) -> l + "/" + r, JoinWindows.ofTimeDifferenceAndGrace(ofMillis(5), ofMillis(3)), StreamJoined.with(S, S, S))
            .to("out", Produced.with(S, S))));
        p.put("stream-stream-outer", new Program(2, b -> stream(b, 0)
            .outerJoin(stream(b, 1), (l, r) -> l + "/" + r, JoinWindows.ofTimeDifferenceAndGrace(ofMillis(5), ofMillis(3)), StreamJoined.with(S, S, S))
            .to("out", Produced.with(S, S))));
        p.put("stream-stream-outer-asymmetric", new Program(2, b -> stream(b, 0)
            .outerJoin(stream(b, 1), (l, r) -> l + "/" + r,
                JoinWindows.ofTimeDifferenceAndGrace(ofMillis(6), ofMillis(2)).before(ofMillis(2)), StreamJoined.with(S, S, S))
            .to("out", Produced.with(S, S))));
        p.put("stream-stream-left-asymmetric", new Program(2, b -> stream(b, 0)
            .leftJoin(stream(b, 1), (l, r) -> l + "/" + r,
                JoinWindows.ofTimeDifferenceAndGrace(ofMillis(3), ofMillis(4)).after(ofMillis(7)), StreamJoined.with(S, S, S))
            .to("out", Produced.with(S, S))));
        p.put("stream-table-left", new Program(2, b -> stream(b, 0)
            .leftJoin(table(b, 1), (l, r) -> l + "/" + r)
            .to("out", Produced.with(S, S))));
        p.put("table-table-outer", new Program(2, b -> tableOut(table(b, 0)
            .outerJoin(table(b, 1), (l, r) -> l + "/" + r))));
        p.put("table-table-left", new Program(2, b -> tableOut(table(b, 0)
            .leftJoin(table(b, 1), (l, r) -> l + "/" + r))));
        p.put("table-table-inner-filtered", new Program(2, b -> tableOut(table(b, 0)
            .join(table(b, 1), (l, r) -> l + "/" + r)
            .filter((k, v) -> !v.contains("0")))));
        p.put("stream-global-table-left", new Program(2, b -> stream(b, 0)
            .leftJoin(b.globalTable("in1", Consumed.with(S, S)), (k, v) -> v == null ? null : v.substring(0, 1), (l, r) -> l + "/" + r)
            .to("out", Produced.with(S, S))));
        p.put("stream-table-left-through-getters", new Program(2, b -> stream(b, 0)
            .leftJoin(table(b, 1).filter((k, v) -> digit(v) > 2).mapValues(v -> v.toUpperCase()), (l, r) -> l + "/" + r)
            .to("out", Produced.with(S, S))));
        p.put("table-table-join-through-getters", new Program(2, b -> tableOut(table(b, 0)
            .mapValues(v -> v.toUpperCase())
            .leftJoin(table(b, 1).filter((k, v) -> digit(v) % 2 == 0), (l, r) -> l + "/" + r))));
        p.put("stream-global-table-inner", new Program(2, b -> stream(b, 0)
            .join(b.globalTable("in1", Consumed.with(S, S)), (k, v) -> v == null ? null : v.substring(0, 1), (l, r) -> l + "/" + r)
            .to("out", Produced.with(S, S))));
        p.put("foreign-key-inner", new Program(2, b -> tableOut(table(b, 0)
            .join(table(b, 1), v -> v.substring(0, 1), (l, r) -> l + "/" + r))));
        p.put("foreign-key-left", new Program(2, b -> tableOut(table(b, 0)
            .leftJoin(table(b, 1), v -> v.substring(0, 1), (l, r) -> l + "/" + r))));
        p.put("table-join-regroup-count", new Program(2, b -> tableOut(table(b, 0)
            .join(table(b, 1), (l, r) -> l + "/" + r)
            .groupBy((k, v) -> KeyValue.pair(v.substring(0, 1), v), Grouped.with(S, S)).count())));
        p.put("table-left-join-regroup-aggregate", new Program(2, b -> tableOut(table(b, 0)
            .leftJoin(table(b, 1), (l, r) -> l + "/" + r)
            .groupBy((k, v) -> KeyValue.pair(v.substring(v.length() - 1), v), Grouped.with(S, S))
            .aggregate(() -> "", (k, v, agg) -> agg + v.charAt(0), (k, v, agg) -> agg.replaceFirst(v.substring(0, 1), ""),
                Materialized.with(S, S)))));
        p.put("table-filter-regroup-count", new Program(1, b -> tableOut(table(b, 0)
            .filter((k, v) -> digit(v) >= 3)
            .groupBy((k, v) -> KeyValue.pair(v.substring(0, 1), v), Grouped.with(S, S)).count())));
        p.put("count-filter", new Program(1, b -> tableOut(grouped(b).count().filter((k, c) -> c % 2 == 0))));
        p.put("stream-join-reduced-table", new Program(2, b -> stream(b, 0)
            .join(stream(b, 1).groupByKey(Grouped.with(S, S)).reduce((x, y) -> y.substring(0, 1) + x.length()), (l, r) -> l + "/" + r)
            .to("out", Produced.with(S, S))));
        p.put("rekey-stream-table-join", new Program(2, b -> stream(b, 0)
            .selectKey((k, v) -> v == null ? k : v.substring(0, 1))
            .join(table(b, 1), (l, r) -> l + "/" + r)
            .to("out", Produced.with(S, S))));
        p.put("counts-table-join", new Program(2, b -> tableOut(grouped(b).count()
            .join(stream(b, 1).groupByKey(Grouped.with(S, S)).count(), (l, r) -> l + "/" + r))));
        p.put("windowed-count-regroup-reduce", new Program(1, b -> tableOut(grouped(b)
            .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(3))).count()
            .toStream()
            .map((k, c) -> KeyValue.pair(String.valueOf(k.window().start()), k.key() + c))
            .groupByKey(Grouped.with(S, S))
            .reduce((x, y) -> x.length() > 8 ? y : x + "+" + y))));
        p.put("split-merge-count", new Program(1, b -> {
            final Map<String, KStream<String, String>> branches = stream(b, 0).split(Named.as("s-"))
                .branch((k, v) -> v != null && digit(v) < 3, Branched.withFunction(s -> s.mapValues(v -> v.toUpperCase()), "low"))
                .branch((k, v) -> v != null && digit(v) > 6, Branched.as("high"))
                .defaultBranch(Branched.as("rest"));
            tableOut(branches.get("s-low").merge(branches.get("s-high"))
                .merge(branches.get("s-rest").filter((k, v) -> v != null).mapValues(v -> v.substring(0, 1)))
                .groupBy((k, v) -> v.substring(0, 1), Grouped.with(S, S)).count());
        }));
        p.put("flatmap-reduce", new Program(1, b -> tableOut(stream(b, 0)
            .flatMap((k, v) -> v == null ? List.<KeyValue<String, String>>of()
                : List.of(KeyValue.pair(k + v.charAt(0), v), KeyValue.pair(v.substring(0, 1), k)))
            .groupByKey(Grouped.with(S, S))
            .reduce((x, y) -> x.length() > 6 ? y : x + y))));
        p.put("foreign-key-join-regroup-count", new Program(2, b -> tableOut(table(b, 0)
            .join(table(b, 1), v -> v.substring(0, 1), (l, r) -> l + "/" + r)
            .groupBy((k, v) -> KeyValue.pair(v.substring(v.length() - 1), v), Grouped.with(S, S)).count())));
        p.put("table-outer-join-suppress-emit-early", new Program(2, b -> tableOut(table(b, 0)
            .outerJoin(table(b, 1), (l, r) -> l + "/" + r)
            .suppress(Suppressed.untilTimeLimit(ofMillis(5), Suppressed.BufferConfig.maxRecords(3).emitEarlyWhenFull())))));
        p.put("stream-stream-self-join", new Program(1, b -> {
            final KStream<String, String> s = stream(b, 0);
            s.join(s, (l, r) -> l + "/" + r, JoinWindows.ofTimeDifferenceAndGrace(ofMillis(3), ofMillis(2)), StreamJoined.with(S, S, S))
                .to("out", Produced.with(S, S));
        }));
        p.put("to-table-join-materialized-mapvalues", new Program(2, b -> tableOut(stream(b, 0).toTable()
            .join(table(b, 1).mapValues(v -> v + "!", Materialized.with(S, S)), (l, r) -> l + "/" + r))));
        p.put("hopping-aggregate-filter-suppressed", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(8), ofMillis(2)).advanceBy(ofMillis(4)))
            .aggregate(() -> "", (k, v, agg) -> agg + (v == null ? "_" : v.substring(0, 1)), Materialized.with(S, S))
            .filter((k, v) -> v.length() % 2 == 1)
            .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())))));
        p.put("cogroup-aggregate", new Program(2, b -> tableOut(grouped(b)
            .<String>cogroup((k, v, agg) -> agg + v)
            .cogroup(stream(b, 1).groupByKey(Grouped.with(S, S)), (k, v, agg) -> agg.length() > 6 ? String.valueOf(v) : agg + v)
            .aggregate(() -> "", Materialized.with(S, S)))));
        p.put("stream-aggregate-nulls", new Program(1, b -> tableOut(grouped(b)
            .aggregate(() -> "", (k, v, agg) -> (agg.length() > 5 ? "" : agg) + (v == null ? "_" : v.substring(1)), Materialized.with(S, S)))));
        p.put("sliding-aggregate", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(ofMillis(5), ofMillis(3)))
            .aggregate(() -> "", (k, v, agg) -> agg + (v == null ? "_" : v.substring(0, 1)), Materialized.with(S, S)))));
        p.put("three-table-join", new Program(3, b -> tableOut(table(b, 0)
            .join(table(b, 1), (l, r) -> l + "/" + r)
            .leftJoin(table(b, 2), (l, r) -> l + "/" + r))));
        p.put("table-to-stream-rekey-count", new Program(1, b -> tableOut(table(b, 0)
            .toStream((k, v) -> v == null ? k : v.substring(0, 1))
            .groupByKey(Grouped.with(S, S)).count())));
        p.put("stream-table-left-join-regroup-reduce", new Program(2, b -> tableOut(stream(b, 0)
            .leftJoin(table(b, 1), (l, r) -> l + "/" + r)
            .groupBy((k, v) -> v.substring(v.length() - 1), Grouped.with(S, S))
            .reduce((x, y) -> x.length() > 10 ? y : x + y))));
        p.put("flatmapvalues-count-cached", new Program(1, b -> tableOut(stream(b, 0)
            .flatMapValues(v -> v == null ? List.<String>of() : List.of(v, v.toUpperCase(), v))
            .groupByKey(Grouped.with(S, S)).count())));
        p.put("flatmapvalues-count-uncached", new Program(1, b -> tableOut(stream(b, 0)
            .flatMapValues(v -> v == null ? List.<String>of() : List.of(v, v.toUpperCase(), v))
            .groupByKey(Grouped.with(S, S))
            .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>with(S, L).withCachingDisabled()))));
        p.put("flatmapvalues-tumbling-count-cached", new Program(1, b -> windowedOut(stream(b, 0)
            .flatMapValues(v -> v == null ? List.<String>of() : List.of(v, v))
            .groupByKey(Grouped.with(S, S))
            .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(3))).count())));
        p.put("same-input-aggregates-join", new Program(1, b -> {
            final KGroupedStream<String, String> g = grouped(b);
            tableOut(g.count().join(g.reduce((x, y) -> y), (l, r) -> l + "/" + r));
        }));
        p.put("same-input-aggregates-join-one-uncached", new Program(1, b -> {
            final KGroupedStream<String, String> g = grouped(b);
            tableOut(g.reduce((x, y) -> y, Materialized.<String, String, KeyValueStore<Bytes, byte[]>>with(S, S).withCachingDisabled())
                .leftJoin(g.count(), (l, r) -> l + "/" + r));
        }));
        p.put("tumbling-count-on-window-close-wall-clock", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(2)))
            .emitStrategy(EmitStrategy.onWindowClose()).count()), 150));
        p.put("session-count-on-window-close-wall-clock", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(SessionWindows.ofInactivityGapAndGrace(ofMillis(4), ofMillis(3)))
            .emitStrategy(EmitStrategy.onWindowClose()).count()), 150));
        p.put("stream-stream-outer-wall-clock", new Program(2, b -> stream(b, 0)
            .outerJoin(stream(b, 1), (l, r) -> l + "/" + r, JoinWindows.ofTimeDifferenceAndGrace(ofMillis(5), ofMillis(3)), StreamJoined.with(S, S, S))
            .to("out", Produced.with(S, S)), 150));
        p.put("wall-clock-punctuation", new Program(1, b -> stream(b, 0)
            .process(() -> new PunctuatingCounter(PunctuationType.WALL_CLOCK_TIME, 400, "w"))
            .to("out", Produced.with(S, S)), 150));
        p.put("store-scans", new Program(1, b -> {
            b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("kv"), S, S));
            stream(b, 0).process(StoreScanner::new, "kv").to("out", Produced.with(S, S));
        }));
        p.put("store-scans-cached", new Program(1, b -> {
            b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("kv"), S, S).withCachingEnabled());
            stream(b, 0).process(StoreScanner::new, "kv").to("out", Produced.with(S, S));
        }));
        p.put("window-store-scans", new Program(1, b -> {
            b.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("ws", ofMillis(30), ofMillis(10), false), S, S));
            stream(b, 0).process(WindowStoreScanner::new, "ws").to("out", Produced.with(S, S));
        }));
        p.put("window-store-scans-cached", new Program(1, b -> {
            b.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore("ws", ofMillis(30), ofMillis(10), false), S, S).withCachingEnabled());
            stream(b, 0).process(WindowStoreScanner::new, "ws").to("out", Produced.with(S, S));
        }));
        p.put("session-store-scans", new Program(1, b -> {
            b.addStateStore(Stores.sessionStoreBuilder(Stores.persistentSessionStore("ss", ofMillis(30)), S, S));
            stream(b, 0).process(SessionStoreScanner::new, "ss").to("out", Produced.with(S, S));
        }));
        p.put("session-store-scans-cached", new Program(1, b -> {
            b.addStateStore(Stores.sessionStoreBuilder(Stores.persistentSessionStore("ss", ofMillis(30)), S, S).withCachingEnabled());
            stream(b, 0).process(SessionStoreScanner::new, "ss").to("out", Produced.with(S, S));
        }));
        p.put("process-values-store", new Program(1, b -> {
            b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("pv"), S, S));
            stream(b, 0).processValues(PreviousValue::new, "pv").to("out", Produced.with(S, S));
        }));
        p.put("table-transform-values-regroup-count", new Program(1, b -> {
            b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("tv"), S, S));
            tableOut(table(b, 0).transformValues(FirstLetterOfLast::new, "tv")
                .groupBy((k, v) -> KeyValue.pair(v.substring(v.length() - 1), v), Grouped.with(S, S)).count());
        }));
        p.put("repartition-count", new Program(1, b -> tableOut(stream(b, 0)
            .repartition()
            .groupByKey(Grouped.with(S, S)).count())));
        p.put("session-count-suppress-time-limit", new Program(1, b -> windowedOut(grouped(b)
            .windowedBy(SessionWindows.ofInactivityGapAndGrace(ofMillis(4), ofMillis(3))).count()
            .suppress(Suppressed.untilTimeLimit(ofMillis(5), Suppressed.BufferConfig.maxRecords(2).emitEarlyWhenFull())))));
        return p;
    }
}
