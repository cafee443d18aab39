package kstreams.reference;

import static java.time.Duration.ofMillis;

import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.SlidingWindows;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Runs the windowed scenarios of test/dsl/windowed-*.test.ts through Java's TopologyTestDriver
 * and prints each output as `key value @timestamp` (windowed keys as Windowed#toString, a
 * change as newValue), then `dropped N` (the task's dropped-records-total).
 * Run: windowed-behaviour.sh
 */
public final class WindowedBehaviour {
    private WindowedBehaviour() {}

    private static final Serde<String> S = Serdes.String();
    private static final Serde<Long> L = Serdes.Long();

    /** pipe "k@t" records (value = k). */
    private static void pipe(final TestInputTopic<String, String> in, final String... records) {
        for (final String r : records) {
            final String[] kt = r.split("@");
            in.pipeInput(kt[0], kt[0], Long.parseLong(kt[1]));
        }
    }

    private static void run(final String title, final boolean cache, final Consumer<StreamsBuilder> program, final String... records) {
        final StreamsBuilder b = new StreamsBuilder();
        program.accept(b);
        final Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "x:9092");
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put("__emit.interval.ms.kstreams.windowed.aggregation__", 0L);
        if (!cache) p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try (TopologyTestDriver d = new TopologyTestDriver(b.build(), p)) {
            final TestInputTopic<String, String> in = d.createInputTopic("in", S.serializer(), S.serializer());
            final TestOutputTopic<String, String> out = d.createOutputTopic("out", S.deserializer(), S.deserializer());
            pipe(in, records);
            System.out.println("--- " + title + (cache ? " cached" : " uncached"));
            for (final TestRecord<String, String> r : out.readRecordsToList()) {
                System.out.println(r.key() + " " + r.value() + " @" + r.timestamp());
            }
            double dropped = 0;
            for (final Map.Entry<MetricName, ? extends Metric> m : d.metrics().entrySet()) {
                if (m.getKey().name().equals("dropped-records-total") && m.getKey().group().equals("stream-task-metrics")) {
                    dropped += ((Number) m.getValue().metricValue()).doubleValue();
                }
            }
            System.out.println("dropped " + (long) dropped);
        }
    }

    private static <V> void toOut(final KTable<Windowed<String>, V> table) {
        table.toStream()
            .map((k, v) -> KeyValue.pair(k.toString(), v == null ? "null" : String.valueOf(v)))
            .to("out", Produced.with(S, S));
    }

    private static KGroupedStream<String, String> grouped(final StreamsBuilder b) {
        return b.stream("in", Consumed.with(S, S)).groupByKey(Grouped.with(S, S));
    }

    public static void main(final String[] args) {
        for (final boolean cache : new boolean[] {false, true}) {
            run("tumbling size 10 grace 5", cache, b -> toOut(grouped(b)
                    .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(5))).count()),
                "a@0", "b@5", "a@9", "a@10", "a@7", "a@16", "a@3", "a@19", "a@20");
            run("hopping size 10 advance 5 no grace", cache, b -> toOut(grouped(b)
                    .windowedBy(TimeWindows.ofSizeWithNoGrace(ofMillis(10)).advanceBy(ofMillis(5))).count()),
                "a@0", "a@7", "a@12", "a@3", "a@14", "a@15");
            run("sliding diff 10 grace 5", cache, b -> toOut(grouped(b)
                    .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(ofMillis(10), ofMillis(5))).count()),
                "a@5", "a@12", "a@15", "a@8", "a@30", "a@14", "a@40", "a@26");
            run("session gap 5 no grace", cache, b -> toOut(grouped(b)
                    .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(ofMillis(5))).count()),
                "a@0", "a@3", "a@10", "a@6", "b@7", "a@30", "a@20", "a@25", "a@24");
            run("session reduce gap 5 grace 10", cache, b -> toOut(grouped(b)
                    .windowedBy(SessionWindows.ofInactivityGapAndGrace(ofMillis(5), ofMillis(10)))
                    .reduce((x, y) -> x + "+" + y)),
                "a@0", "a@4", "a@20", "a@12", "a@16");
        }
        run("tumbling suppress until window closes", true, b -> toOut(grouped(b)
                .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(5))).count()
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))),
            "a@0", "b@5", "a@9", "a@12", "a@7", "a@14", "a@15", "b@16", "a@30");
        run("session suppress until window closes", false, b -> toOut(grouped(b)
                .windowedBy(SessionWindows.ofInactivityGapAndGrace(ofMillis(5), ofMillis(5)))
                .count(Materialized.<String, Long, SessionStore<Bytes, byte[]>>as("counts").withCachingDisabled())
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))),
            "a@0", "a@3", "b@4", "a@12", "a@13", "a@19", "b@25", "a@40");
        run("tumbling emit on window close", false, b -> toOut(grouped(b)
                .windowedBy(TimeWindows.ofSizeAndGrace(ofMillis(10), ofMillis(5)))
                .emitStrategy(EmitStrategy.onWindowClose()).count()),
            "a@0", "b@5", "a@9", "a@12", "a@7", "a@15", "b@16", "a@30");
        run("sliding emit on window close", false, b -> toOut(grouped(b)
                .windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(ofMillis(10)))
                .emitStrategy(EmitStrategy.onWindowClose()).count()),
            "a@10", "a@15", "a@18", "a@30", "a@45");
        run("session emit on window close", false, b -> toOut(grouped(b)
                .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(ofMillis(5)))
                .emitStrategy(EmitStrategy.onWindowClose()).count()),
            "a@0", "a@3", "b@4", "a@12", "b@30", "a@31");
        run("time limit suppress 5", false, b -> b.stream("in", Consumed.with(S, S)).groupByKey(Grouped.with(S, S))
                .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("c").withCachingDisabled())
                .suppress(Suppressed.untilTimeLimit(ofMillis(5), Suppressed.BufferConfig.unbounded()))
                .toStream().mapValues(v -> String.valueOf(v)).to("out", Produced.with(S, S)),
            "a@0", "a@2", "b@3", "a@6", "c@8", "c@20");
        run("max records 1 emit early", false, b -> toOut(grouped(b)
                .windowedBy(TimeWindows.ofSizeWithNoGrace(ofMillis(10))).count()
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("final"))),
            "a@0", "b@1", "a@2", "c@3", "a@20");
        run("sliding both ends", false, b -> toOut(grouped(b)
                .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(ofMillis(10), ofMillis(5))).count()),
            "a@10", "a@20");
        run("session merge at exactly the gap", false, b -> toOut(grouped(b)
                .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(ofMillis(5))).count()),
            "a@0", "a@3", "b@4", "a@8");
        run("time limit 100 maxRecords 1 emit early", false, b -> toOut(grouped(b)
                .windowedBy(TimeWindows.ofSizeWithNoGrace(ofMillis(10))).count()
                .suppress(Suppressed.untilTimeLimit(ofMillis(100), Suppressed.BufferConfig.maxRecords(1)))),
            "a@0", "b@1", "a@2");
        try {
            run("time limit 100 maxRecords 1 shut down", false, b -> toOut(grouped(b)
                    .windowedBy(TimeWindows.ofSizeWithNoGrace(ofMillis(10))).count()
                    .suppress(Suppressed.untilTimeLimit(ofMillis(100), Suppressed.BufferConfig.maxRecords(1).shutDownWhenFull()))),
                "a@0", "b@1");
        } catch (final RuntimeException e) {
            Throwable c = e;
            while (c.getCause() != null) c = c.getCause();
            System.out.println("failed: " + c.getMessage());
        }
        run("cogroup tumbling", false, b -> {
            final KGroupedStream<String, String> g = grouped(b);
            toOut(g.<Long>cogroup((k, v, agg) -> agg + 1)
                .windowedBy(TimeWindows.ofSizeWithNoGrace(ofMillis(10)))
                .aggregate(() -> 100L, Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("cg").withValueSerde(L)));
        }, "a@0", "a@4", "a@11");
    }
}
