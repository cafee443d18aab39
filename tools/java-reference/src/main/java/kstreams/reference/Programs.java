package kstreams.reference;

import static java.time.Duration.ofMillis;
import static org.apache.kafka.streams.kstream.Suppressed.BufferConfig.unbounded;
import static org.apache.kafka.streams.kstream.Suppressed.untilWindowCloses;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The sample programs. To add one: write a static method returning a {@link Topology}, register
 * it in {@link #all()}, then regenerate the fixtures ({@code describe.sh --write-fixtures}).
 * Descriptions depend on the order of DSL calls (generated names use one global counter), so a
 * port of a program must make the same calls in the same order.
 */
final class Programs {
    private Programs() {}

    @FunctionalInterface
    interface Program {
        Topology build();
    }

    private static final Serde<String> STRING = Serdes.String();

    static Map<String, Program> all() {
        final Map<String, Program> p = new LinkedHashMap<>();
        p.put("word-count", Programs::wordCount);
        p.put("table-regroup", Programs::tableRegroup);
        p.put("split", Programs::split);
        p.put("suppress-session", Programs::suppressSession);
        p.put("two-subtopologies-papi", Programs::twoSubtopologiesPapi);
        p.put("stream-stream-join", Programs::streamStreamJoin);
        p.put("fk-join", Programs::fkJoin);
        p.put("groupByKey-count", Programs::groupByKeyCount);
        p.put("merge-repartition", Programs::mergeRepartition);
        p.put("repartition-named", Programs::repartitionNamed);
        p.put("repartition-reuse", () -> repartitionReuse(false));
        p.put("repartition-reuse-optimized", () -> repartitionReuse(true));
        p.putAll(WindowedPrograms.all());
        return p;
    }

    /** stream -> flatMapValues -> groupBy(word) -> count(as "counts-store") -> toStream -> to. */
    static Topology wordCount() {
        final StreamsBuilder builder = new StreamsBuilder();
        final KStream<String, String> lines = builder.stream("text-lines", Consumed.with(STRING, STRING));
        lines
            .flatMapValues(line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split("\\W+")))
            .groupBy((key, word) -> word, Grouped.with(STRING, STRING))
            .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("counts-store"))
            .toStream()
            .to("word-counts-output", Produced.with(STRING, Serdes.Long()));
        return builder.build();
    }

    /** table -> groupBy((k, v) -> (v, v)) -> count() (unnamed) -> toStream -> to. */
    static Topology tableRegroup() {
        final StreamsBuilder builder = new StreamsBuilder();
        final KTable<String, String> users = builder.table("users", Consumed.with(STRING, STRING));
        users
            .groupBy((userId, region) -> KeyValue.pair(region, region), Grouped.with(STRING, STRING))
            .count()
            .toStream()
            .to("region-counts", Produced.with(STRING, Serdes.Long()));
        return builder.build();
    }

    /**
     * split(Named.as("branch-")) with branches "branch-a" (Branched.as("a")), "branch-2" (unnamed)
     * and the default "branch-0"; then, in this order: branch-a -> "output-a",
     * branch-2 -> "output-b", branch-0 -> "output-default".
     */
    static Topology split() {
        final StreamsBuilder builder = new StreamsBuilder();
        final Map<String, KStream<String, String>> branches = builder
            .stream("input", Consumed.with(STRING, STRING))
            .split(Named.as("branch-"))
            .branch((k, v) -> v.startsWith("a"), Branched.as("a"))
            .branch((k, v) -> v.startsWith("b"))
            .defaultBranch();
        branch(branches, "branch-a").to("output-a");
        branch(branches, "branch-2").to("output-b");
        branch(branches, "branch-0").to("output-default");
        return builder.build();
    }

    private static KStream<String, String> branch(final Map<String, KStream<String, String>> branches, final String name) {
        final KStream<String, String> stream = branches.get(name);
        if (stream == null) {
            throw new IllegalStateException("no branch " + name + "; branches: " + branches.keySet());
        }
        return stream;
    }

    /** SuppressTopologyTest's anonymous final-results program (4.x spelling of the windows). */
    static Topology suppressSession() {
        final StreamsBuilder builder = new StreamsBuilder();
        builder
            .stream("input", Consumed.with(STRING, STRING))
            .groupBy((String k, String v) -> k, Grouped.with(STRING, STRING))
            .windowedBy(SessionWindows.ofInactivityGapAndGrace(ofMillis(5L), ofMillis(5L)))
            .count(Materialized.<String, Long, SessionStore<Bytes, byte[]>>as("counts").withCachingDisabled())
            .suppress(untilWindowCloses(unbounded()))
            .toStream()
            .map((final Windowed<String> k, final Long v) -> new KeyValue<>(k.toString(), v))
            .to("output-suppressed", Produced.with(STRING, Serdes.Long()));
        return builder.build();
    }

    /**
     * Processor API: src-a("a") -> proc-a -> sink-a("b"); src-b("b") -> proc-b [store-b] ->
     * sink-c("c"). Two sub-topologies: they share topic "b" but no processor.
     */
    static Topology twoSubtopologiesPapi() {
        final Topology topology = new Topology();
        topology.addSource("src-a", STRING.deserializer(), STRING.deserializer(), "a");
        topology.addProcessor("proc-a", PassThrough::new, "src-a");
        topology.addSink("sink-a", "b", STRING.serializer(), STRING.serializer(), "proc-a");
        topology.addSource("src-b", STRING.deserializer(), STRING.deserializer(), "b");
        topology.addProcessor("proc-b", PassThrough::new, "src-b");
        topology.addStateStore(
            Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("store-b"), STRING, STRING), "proc-b");
        topology.addSink("sink-c", "c", STRING.serializer(), STRING.serializer(), "proc-b");
        return topology;
    }

    /** Forwards every record unchanged. */
    static final class PassThrough implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;

        @Override
        public void init(final ProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(final Record<String, String> record) {
            context.forward(record);
        }
    }

    /** stream("left").join(stream("right"), joiner, 5-minute window, no grace) -> to("joined"). */
    static Topology streamStreamJoin() {
        final StreamsBuilder builder = new StreamsBuilder();
        final KStream<String, String> left = builder.stream("left", Consumed.with(STRING, STRING));
        final KStream<String, String> right = builder.stream("right", Consumed.with(STRING, STRING));
        left
            .join(right, (l, r) -> l + "," + r, JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMinutes(5)))
            .to("joined");
        return builder.build();
    }

    /** table("orders").join(table("customers"), order -> customerId, joiner) -> to. Unnamed. */
    static Topology fkJoin() {
        final StreamsBuilder builder = new StreamsBuilder();
        final KTable<String, String> orders = builder.table("orders", Consumed.with(STRING, STRING));
        final KTable<String, String> customers = builder.table("customers", Consumed.with(STRING, STRING));
        orders
            .join(customers, order -> order.split(":")[0], (order, customer) -> order + "/" + customer)
            .toStream()
            .to("orders-enriched");
        return builder.build();
    }

    /** stream("input").groupByKey().count() (unnamed) -> toStream -> to("output"). */
    static Topology groupByKeyCount() {
        final StreamsBuilder builder = new StreamsBuilder();
        builder
            .stream("input", Consumed.with(STRING, STRING))
            .groupByKey()
            .count()
            .toStream()
            .to("output", Produced.with(STRING, Serdes.Long()));
        return builder.build();
    }

    /**
     * stream("input-a").selectKey(v) merged with stream("input-b"), then groupByKey().count(as
     * "merged-counts") -> to("merged-output"): the key change before the merge forces a
     * repartition.
     */
    static Topology mergeRepartition() {
        final StreamsBuilder builder = new StreamsBuilder();
        final KStream<String, String> a = builder
            .stream("input-a", Consumed.with(STRING, STRING))
            .selectKey((k, v) -> v);
        final KStream<String, String> b = builder.stream("input-b", Consumed.with(STRING, STRING));
        a.merge(b)
            .groupByKey()
            .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("merged-counts"))
            .toStream()
            .to("merged-output", Produced.with(STRING, Serdes.Long()));
        return builder.build();
    }

    /**
     * stream("input").selectKey(v).repartition(as "by-value") -> groupByKey().count(as
     * "value-counts") -> to("value-counts-output"); no second repartition after the explicit one.
     */
    static Topology repartitionNamed() {
        final StreamsBuilder builder = new StreamsBuilder();
        builder
            .stream("input", Consumed.with(STRING, STRING))
            .selectKey((k, v) -> v)
            .repartition(Repartitioned.<String, String>as("by-value").withNumberOfPartitions(4))
            .groupByKey()
            .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("value-counts"))
            .toStream()
            .to("value-counts-output", Produced.with(STRING, Serdes.Long()));
        return builder.build();
    }

    /**
     * One key-changing stream feeding two aggregations: stream("input").selectKey(v), then
     * groupByKey().count(as "count-a") -> to("output-a") and groupByKey().count(as "count-b") ->
     * to("output-b"). Two repartition topics; the "-optimized" variant (topology.optimization=all)
     * merges them into one.
     */
    static Topology repartitionReuse(final boolean optimized) {
        final StreamsBuilder builder = new StreamsBuilder();
        final KStream<String, String> rekeyed = builder
            .stream("input", Consumed.with(STRING, STRING))
            .selectKey((k, v) -> v);
        rekeyed.groupByKey()
            .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("count-a"))
            .toStream()
            .to("output-a", Produced.with(STRING, Serdes.Long()));
        rekeyed.groupByKey()
            .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("count-b"))
            .toStream()
            .to("output-b", Produced.with(STRING, Serdes.Long()));
        return optimized ? builder.build(optimizeAll()) : builder.build();
    }

    private static Properties optimizeAll() {
        final Properties props = new Properties();
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        return props;
    }
}
