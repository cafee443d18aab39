package kstreams.reference;

import static java.time.Duration.ofMillis;
import static kstreams.reference.DifferentialPrograms.S;
import static kstreams.reference.DifferentialPrograms.programs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kstreams.reference.DifferentialPrograms.Program;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Differential scenarios: each program of {@link DifferentialPrograms} (the twins of
 * test/dsl/differential/*-programs.ts) runs through Java's TopologyTestDriver on pseudo-random input (keys a-d, values like "b7" or null, timestamps
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
