package kstreams.reference;

import static java.time.Duration.ofMillis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
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
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.kstream.ValueTransformerWithKey;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Differential scenarios: each program of test/dsl/differential.test.ts runs through Java's
 * TopologyTestDriver on pseudo-random input (keys a-d, values like "b7" or null, timestamps
 * that advance and jump back), the same for each seed in both languages. Prints, per program,
 * "--- seed N" and one "key value @timestamp" line per output record (windowed keys as
 * key@start/end). Closed windows and outer-join results are emitted at once (both emit
 * intervals 0). Run: differential.sh (--write-fixtures writes test/fixtures/java-differential/).
 */
public final class Differential {
    private Differential() {}

    /** Seeds per program (the fixtures' 1-100; `-Ddifferential.seeds=101-1000` searches further). */
    static final int[] SEEDS = seedRange(System.getProperty("differential.seeds", "1-100"));
    /** Input records per seed. */
    static final int RECORDS = 80;

    private static final Serde<String> S = Serdes.String();
    private static final Serde<Long> L = Serdes.Long();

    /** The generator of the TypeScript test: a 32-bit LCG, drawing from its high bits. */
    static final class Random {
        private long state;

        Random(final long seed) {
            state = seed;
        }

        int next(final int bound) {
            state = (state * 1103515245L + 12345L) & 0xffffffffL;
            return (int) ((state >>> 16) % bound);
        }
    }

    /** One input record: topic index, key, value (null = tombstone), timestamp. */
    record Input(int topic, String key, String value, long timestamp) {}

    static Input[] inputs(final int seed, final int topics) {
        final Random random = new Random(seed);
        final Input[] out = new Input[RECORDS];
        long time = 0;
        for (int i = 0; i < RECORDS; i++) {
            time += random.next(5);
            final int topic = random.next(topics);
            final String key = String.valueOf((char) ('a' + random.next(4)));
            final String value = random.next(8) == 0 ? null : (char) ('a' + random.next(4)) + String.valueOf(random.next(10));
            final long timestamp = Math.max(0, time - (random.next(4) == 0 ? random.next(12) : 0));
            out[i] = new Input(topic, key, value, timestamp);
        }
        return out;
    }

    static int[] seedRange(final String range) {
        final String[] ends = range.split("-");
        return new int[] {Integer.parseInt(ends[0]), Integer.parseInt(ends[1])};
    }

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

    /** Counts records; every `intervalMs` (of `type` time) forwards (`key`, count since the last punctuation). */
    static final class PunctuatingCounter implements Processor<String, String, String, String> {
        private final PunctuationType type;
        private final long intervalMs;
        private final String key;
        private int seen;

        PunctuatingCounter(final PunctuationType type, final long intervalMs, final String key) {
            this.type = type;
            this.intervalMs = intervalMs;
            this.key = key;
        }

        @Override
        public void init(final ProcessorContext<String, String> context) {
            context.schedule(ofMillis(intervalMs), type, ts -> {
                context.forward(new Record<>(key, String.valueOf(seen), ts));
                seen = 0;
            });
        }

        @Override
        public void process(final Record<String, String> record) {
            seen++;
        }
    }

    /**
     * `key=value,` per entry (`keyText` of each key). Null values are left out: Java 4.4's
     * caching stores return a key deleted in the cache (and absent below) with a null value from
     * a reverse scan when it sorts after the store's next key (their skip of deleted cache
     * entries assumes forward order); ours skip such a key, as forward scans do in both.
     */
    static <K> String scan(final KeyValueIterator<K, String> it, final Function<K, String> keyText) {
        final StringBuilder out = new StringBuilder();
        try (it) {
            while (it.hasNext()) {
                final KeyValue<K, String> kv = it.next();
                if (kv.value != null) out.append(keyText.apply(kv.key)).append('=').append(kv.value).append(',');
            }
        }
        return out.toString();
    }

    /**
     * Keeps values in store "kv" (keys a-d and, for values with digits divisible by 3, key+"x"
     * with putIfAbsent; a null value deletes), forwards what each write replaced, and every 6 ms
     * of stream time forwards scans: all(), reverseRange("b", "c") and prefixScan("a").
     */
    static final class StoreScanner implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, String> store;

        @Override
        public void init(final ProcessorContext<String, String> context) {
            this.context = context;
            store = context.getStateStore("kv");
            context.schedule(ofMillis(6), PunctuationType.STREAM_TIME, ts -> {
                context.forward(new Record<>("all", scan(store.all(), k -> k), ts));
                context.forward(new Record<>("rev", scan(store.reverseRange("b", "c"), k -> k), ts));
                context.forward(new Record<>("pre", scan(store.prefixScan("a", S.serializer()), k -> k), ts));
            });
        }

        @Override
        public void process(final Record<String, String> record) {
            final String old;
            if (record.value() == null) old = store.delete(record.key());
            else if (digit(record.value()) % 3 == 0) old = store.putIfAbsent(record.key() + "x", record.value());
            else {
                old = store.get(record.key());
                store.put(record.key(), record.value());
            }
            context.forward(record.withValue(String.valueOf(old)));
        }
    }

    /**
     * Window store "ws" (retention 30 ms, windows of 10): each record puts its value (null
     * deletes) into its key's window at ts - ts % 10 and forwards fetch(key, ts - 20, ts); every
     * 7 ms of stream time forwards fetchAll(t - 25, t), backwardFetch("b", "c", t - 25, t) and
     * backwardAll().
     */
    static final class WindowStoreScanner implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private WindowStore<String, String> store;

        @Override
        public void init(final ProcessorContext<String, String> context) {
            this.context = context;
            store = context.getStateStore("ws");
            context.schedule(ofMillis(7), PunctuationType.STREAM_TIME, ts -> {
                context.forward(new Record<>("all", scan(store.fetchAll(ts - 25, ts), Differential::windowed), ts));
                context.forward(new Record<>("rev", scan(store.backwardFetch("b", "c", ts - 25, ts), Differential::windowed), ts));
                context.forward(new Record<>("ball", scan(store.backwardAll(), Differential::windowed), ts));
            });
        }

        @Override
        public void process(final Record<String, String> record) {
            final long ts = record.timestamp();
            store.put(record.key(), record.value(), ts - ts % 10);
            context.forward(record.withValue(scan(store.fetch(record.key(), ts - 20, ts), String::valueOf)));
        }
    }

    /**
     * Session store "ss" (retention 30 ms): each record puts its value as the session
     * [max(0, ts - digit), ts] of its key (a null value removes [ts, ts]) and forwards
     * findSessions(key, ts - 10, ts); every 7 ms of stream time forwards fetch("a"),
     * findSessions("b", "d", t - 20, t) and backwardFindSessions("b", "d", t - 20, t).
     */
    static final class SessionStoreScanner implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private SessionStore<String, String> store;

        @Override
        public void init(final ProcessorContext<String, String> context) {
            this.context = context;
            store = context.getStateStore("ss");
            context.schedule(ofMillis(7), PunctuationType.STREAM_TIME, ts -> {
                context.forward(new Record<>("a", scan(store.fetch("a"), Differential::windowed), ts));
                context.forward(new Record<>("bd", scan(store.findSessions("b", "d", ts - 20, ts), Differential::windowed), ts));
                context.forward(new Record<>("rev", scan(store.backwardFindSessions("b", "d", ts - 20, ts), Differential::windowed), ts));
            });
        }

        @Override
        public void process(final Record<String, String> record) {
            final long ts = record.timestamp();
            if (record.value() == null) store.remove(new Windowed<>(record.key(), new SessionWindow(ts, ts)));
            else store.put(new Windowed<>(record.key(), new SessionWindow(Math.max(0, ts - digit(record.value())), ts)), record.value());
            context.forward(record.withValue(scan(store.findSessions(record.key(), ts - 10, ts), Differential::windowed)));
        }
    }

    /** Forwards each value after the key's previous one ("prev>value"), kept in store "pv" (a null value keeps it). */
    static final class PreviousValue implements FixedKeyProcessor<String, String, String> {
        private FixedKeyProcessorContext<String, String> context;
        private KeyValueStore<String, String> store;

        @Override
        public void init(final FixedKeyProcessorContext<String, String> context) {
            this.context = context;
            store = context.getStateStore("pv");
        }

        @Override
        public void process(final FixedKeyRecord<String, String> record) {
            final String old = store.get(record.key());
            if (record.value() != null) store.put(record.key(), record.value());
            context.forward(record.withValue(old + ">" + record.value()));
        }
    }

    /**
     * Appends to each value the first letter of the value it last transformed for the key
     * (kept in store "tv"; "-" the first time). Called for old values too, as Java does.
     */
    static final class FirstLetterOfLast implements ValueTransformerWithKey<String, String, String> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(final org.apache.kafka.streams.processor.ProcessorContext context) {
            store = context.getStateStore("tv");
        }

        @Override
        public String transform(final String key, final String value) {
            final String last = store.get(key);
            if (value != null) store.put(key, value);
            return value == null ? null : value + (last == null ? "-" : last.substring(0, 1));
        }

        @Override
        public void close() {}
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

    static String run(final Program program) {
        final StringBuilder out = new StringBuilder();
        for (int seed = SEEDS[0]; seed <= SEEDS[1]; seed++) {
            final StreamsBuilder b = new StreamsBuilder();
            program.build().accept(b);
            final Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "x:9092");
            p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
            p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
            if (program.wallClockStepMs() == 0) {
                p.put("__emit.interval.ms.kstreams.windowed.aggregation__", 0L);
                p.put("__emit.interval.ms.kstreams.outer.join.spurious.results.fix__", 0L);
            }
            try (TopologyTestDriver d = new TopologyTestDriver(b.build(), p, Instant.EPOCH)) {
                final TestInputTopic<String, String>[] in = inputTopics(d, program.topics());
                final TestOutputTopic<String, String> o = d.createOutputTopic("out", S.deserializer(), S.deserializer());
                for (final Input r : inputs(seed, program.topics())) {
                    if (program.wallClockStepMs() > 0) d.advanceWallClockTime(ofMillis(program.wallClockStepMs()));
                    in[r.topic()].pipeInput(r.key(), r.value(), r.timestamp());
                }
                out.append("--- seed ").append(seed).append('\n');
                for (final TestRecord<String, String> r : o.readRecordsToList()) {
                    out.append(r.key()).append(' ').append(r.value()).append(" @").append(r.timestamp()).append('\n');
                }
            }
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static TestInputTopic<String, String>[] inputTopics(final TopologyTestDriver d, final int topics) {
        final TestInputTopic<String, String>[] in = new TestInputTopic[topics];
        for (int i = 0; i < topics; i++) in[i] = d.createInputTopic("in" + i, S.serializer(), S.serializer());
        return in;
    }

    public static void main(final String[] args) throws IOException {
        final Path dir = args.length >= 2 && args[0].equals("--write") ? Path.of(args[1]) : null;
        final List<String> only = args.length == 3 ? List.of(args[2].split(",")) : List.of();
        if (dir != null) Files.createDirectories(dir);
        for (final Map.Entry<String, Program> e : programs().entrySet()) {
            if (!only.isEmpty() && !only.contains(e.getKey())) continue;
            final String text = run(e.getValue());
            if (dir != null) Files.writeString(dir.resolve(e.getKey() + ".txt"), text);
            else System.out.print("=== " + e.getKey() + "\n" + text);
        }
    }
}
