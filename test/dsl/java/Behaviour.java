// Runs the reference scenarios of the behaviour tests through Java's TopologyTestDriver and prints
// "key value @timestamp" per output record (run: generate.sh --behaviour).
import org.apache.kafka.common.serialization.*;
import org.apache.kafka.streams.*;
import org.apache.kafka.streams.kstream.*;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.state.*;
import java.util.*;
import java.util.function.*;

public class Behaviour {
  static Serde<String> S = Serdes.String();
  static Serde<Long> L = Serdes.Long();

  static void dump(String title, TopologyTestDriver d, String topic, Deserializer<?> kd, Deserializer<?> vd) {
    TestOutputTopic<?, ?> out = d.createOutputTopic(topic, kd, vd);
    System.out.println("--- " + title + " " + topic);
    for (TestRecord<?, ?> r : out.readRecordsToList()) System.out.println(r.key() + " " + r.value() + " @" + r.timestamp());
  }

  static Properties props(boolean cache) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "x:9092");
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    if (!cache) p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    return p;
  }

  // B14/B15: the transformers of KTable.transformValues
  static class Counting implements ValueTransformerWithKey<String, String, String> {
    KeyValueStore<String, String> seen;
    public void init(org.apache.kafka.streams.processor.ProcessorContext c) { seen = c.getStateStore("seen"); }
    public String transform(String k, String v) {
      String n = String.valueOf(Integer.parseInt(Objects.requireNonNullElse(seen.get(k), "0")) + 1);
      seen.put(k, n);
      return v == null ? null : v + "#" + n;
    }
    public void close() {}
  }
  static class Upper implements ValueTransformerWithKey<String, String, String> {
    org.apache.kafka.streams.processor.ProcessorContext ctx;
    public void init(org.apache.kafka.streams.processor.ProcessorContext c) { ctx = c; }
    public String transform(String k, String v) { return v == null ? (k.equals("keep") ? "gone@" + ctx.timestamp() : null) : v.toUpperCase() + "@" + ctx.timestamp(); }
    public void close() {}
  }

  public static void main(String[] args) {
    // B4: cache dedup within one input record
    for (boolean cached : new boolean[]{true, false}) {
      StreamsBuilder b = new StreamsBuilder();
      Materialized<String, Long, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>> m = Materialized.as("c");
      if (!cached) m = m.withCachingDisabled();
      b.<String, String>stream("in").flatMapValues(v -> List.of(v, v)).groupByKey().count(m).toStream().to("out", Produced.with(S, L));
      try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props(true))) {
        TestInputTopic<String, String> in = d.createInputTopic("in", S.serializer(), S.serializer());
        in.pipeInput("a", "x", 5); in.pipeInput("a", "y", 3); in.pipeInput("b", "z", 7);
        dump("B4 cached=" + cached, d, "out", S.deserializer(), L.deserializer());
      }
    }
    // B5: table filter tombstones, unmaterialized and materialized source
    for (boolean mat : new boolean[]{false, true}) {
      StreamsBuilder b = new StreamsBuilder();
      KTable<String, String> t = mat ? b.table("t", Materialized.<String, String, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("ts").withCachingDisabled()) : b.table("t");
      t.filter((k, v) -> Integer.parseInt(v) > 1).toStream().to("out");
      try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props(true))) {
        TestInputTopic<String, String> in = d.createInputTopic("t", S.serializer(), S.serializer());
        in.pipeInput("a", "1", 1); in.pipeInput("a", "2", 2); in.pipeInput("a", "0", 3); in.pipeInput("b", "5", 4); in.pipeInput("b", null, 5); in.pipeInput("c", "0", 6); in.pipeInput(null, "9", 7);
        dump("B5 materialized=" + mat, d, "out", S.deserializer(), S.deserializer());
      }
    }
    // B6: table regroup count / reduce / aggregate
    {
      StreamsBuilder b = new StreamsBuilder();
      KTable<String, String> t = b.table("t");
      t.groupBy((k, v) -> KeyValue.pair(v, k)).count().toStream().to("count", Produced.with(S, L));
      t.groupBy((k, v) -> KeyValue.pair(v, k)).reduce((a, v) -> a + "+" + v, (a, v) -> a + "-" + v).toStream().to("reduce");
      t.groupBy((k, v) -> KeyValue.pair(v.substring(0, 1), v)).aggregate(() -> "", (k, v, a) -> a + "+" + v, (k, v, a) -> a + "-" + v).toStream().to("agg");
      try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props(true))) {
        TestInputTopic<String, String> in = d.createInputTopic("t", S.serializer(), S.serializer());
        in.pipeInput("k1", "A", 10); in.pipeInput("k2", "A", 20); in.pipeInput("k1", "B", 15); in.pipeInput("k2", null, 30); in.pipeInput("k1", "Bx", 40);
        dump("B6", d, "count", S.deserializer(), L.deserializer());
        dump("B6", d, "reduce", S.deserializer(), S.deserializer());
        dump("B6", d, "agg", S.deserializer(), S.deserializer());
      }
    }
    // B7: toTable with null key/value; toTable after selectKey (repartition)
    {
      StreamsBuilder b = new StreamsBuilder();
      KStream<String, String> s = b.stream("in");
      s.toTable(Materialized.as("tt")).toStream().to("out1");
      s.selectKey((k, v) -> v == null ? "nil" : v).toTable().toStream().to("out2");
      try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props(true))) {
        TestInputTopic<String, String> in = d.createInputTopic("in", S.serializer(), S.serializer());
        in.pipeInput("a", "1", 1); in.pipeInput(null, "2", 2); in.pipeInput("a", null, 3); in.pipeInput("b", "3", 4);
        dump("B7", d, "out1", S.deserializer(), S.deserializer());
        dump("B7", d, "out2", S.deserializer(), S.deserializer());
      }
    }
    // B9: cogroup
    {
      StreamsBuilder b = new StreamsBuilder();
      KGroupedStream<String, String> g1 = b.<String, String>stream("a").groupByKey();
      KGroupedStream<String, String> g2 = b.<String, String>stream("b").groupByKey();
      g1.cogroup((String k, String v, String a) -> a + "a" + v).cogroup(g2, (k, v, a) -> a + "b" + v).aggregate(() -> "").toStream().to("out");
      try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props(true))) {
        TestInputTopic<String, String> a = d.createInputTopic("a", S.serializer(), S.serializer());
        TestInputTopic<String, String> bb = d.createInputTopic("b", S.serializer(), S.serializer());
        a.pipeInput("k", "1", 5); bb.pipeInput("k", "2", 3); a.pipeInput("j", "3", 9); bb.pipeInput("k", null, 10); a.pipeInput(null, "4", 11);
        dump("B9", d, "out", S.deserializer(), S.deserializer());
      }
    }
    // B10: stream reduce/aggregate timestamps and null handling, no cache
    {
      StreamsBuilder b = new StreamsBuilder();
      KStream<String, String> s = b.stream("in");
      s.groupByKey().reduce((a, v) -> a + v, Materialized.<String, String, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("r").withCachingDisabled()).toStream().to("reduce");
      s.groupByKey().aggregate(() -> "i", (k, v, a) -> a + v, Materialized.<String, String, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("a").withCachingDisabled()).toStream().to("agg");
      try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props(true))) {
        TestInputTopic<String, String> in = d.createInputTopic("in", S.serializer(), S.serializer());
        in.pipeInput("k", "1", 10); in.pipeInput("k", "2", 5); in.pipeInput("k", null, 20); in.pipeInput(null, "x", 30); in.pipeInput("k", "3", 7);
        dump("B10", d, "reduce", S.deserializer(), S.deserializer());
        dump("B10", d, "agg", S.deserializer(), S.deserializer());
      }
    }
    // B11: table mapValues + filter feeding groupBy (sendOldValues path), source unmaterialized
    {
      StreamsBuilder b = new StreamsBuilder();
      b.<String, String>table("t").mapValues(v -> v.toUpperCase()).filter((k, v) -> !v.startsWith("X"))
        .groupBy((k, v) -> KeyValue.pair(v, k)).count().toStream().to("out", Produced.with(S, L));
      try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props(true))) {
        TestInputTopic<String, String> in = d.createInputTopic("t", S.serializer(), S.serializer());
        in.pipeInput("k1", "a", 1); in.pipeInput("k2", "a", 2); in.pipeInput("k1", "x", 3); in.pipeInput("k2", "b", 4); in.pipeInput("k1", "b", 5);
        dump("B11", d, "out", S.deserializer(), L.deserializer());
      }
    }
    // B12: merge + groupByKey after selectKey, null key dropped before the repartition
    {
      StreamsBuilder b = new StreamsBuilder();
      KStream<String, String> a = b.<String, String>stream("a").selectKey((k, v) -> v.equals("drop") ? null : v);
      a.merge(b.stream("b")).groupByKey().count(Materialized.as("m")).toStream().to("out", Produced.with(S, L));
      try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props(true))) {
        TestInputTopic<String, String> ia = d.createInputTopic("a", S.serializer(), S.serializer());
        TestInputTopic<String, String> ib = d.createInputTopic("b", S.serializer(), S.serializer());
        ia.pipeInput("x", "v", 1); ib.pipeInput("v", "w", 2); ia.pipeInput("y", "drop", 3); ib.pipeInput(null, "n", 4);
        dump("B12", d, "out", S.deserializer(), L.deserializer());
      }
    }
    // B13: a table filter asks its parent for old values when it is created, not later
    for (boolean filterFirst : new boolean[]{true, false}) {
      StreamsBuilder b = new StreamsBuilder();
      KTable<String, String> t = b.table("t");
      if (filterFirst) t.filter((k, v) -> !v.equals("x")).toStream().to("out");
      t.groupBy((k, v) -> KeyValue.pair(v, k)).count();
      if (!filterFirst) t.filter((k, v) -> !v.equals("x")).toStream().to("out");
      try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props(true))) {
        TestInputTopic<String, String> in = d.createInputTopic("t", S.serializer(), S.serializer());
        in.pipeInput("a", "x", 1); in.pipeInput("a", "y", 2); in.pipeInput("b", "x", 3);
        dump("B13 filterFirst=" + filterFirst, d, "out", S.deserializer(), S.deserializer());
      }
    }
    // B14: transformValues unmaterialized: called for deletes, for old values (groupBy), and by a join's getter
    {
      StreamsBuilder b = new StreamsBuilder();
      b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("seen"), S, S));
      KTable<String, String> t = b.table("t");
      KTable<String, String> x = t.transformValues(Counting::new, "seen");
      x.toStream().to("out");
      x.groupBy((k, v) -> KeyValue.pair(v.substring(0, 1), k)).count().toStream().to("count", Produced.with(S, L));
      b.<String, String>stream("s").join(t.transformValues(Upper::new), (v, r) -> v + "/" + r).to("joined");
      try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props(true))) {
        TestInputTopic<String, String> it = d.createInputTopic("t", S.serializer(), S.serializer());
        TestInputTopic<String, String> is = d.createInputTopic("s", S.serializer(), S.serializer());
        it.pipeInput("a", "x", 1); it.pipeInput("b", "y", 2); is.pipeInput("a", "1", 3); it.pipeInput("a", "z", 4);
        is.pipeInput("a", "2", 5); it.pipeInput("a", null, 6); is.pipeInput("a", "3", 7); is.pipeInput("b", "4", 8); is.pipeInput("c", "5", 9);
        dump("B14", d, "out", S.deserializer(), S.deserializer());
        dump("B14", d, "count", S.deserializer(), L.deserializer());
        dump("B14", d, "joined", S.deserializer(), S.deserializer());
      }
    }
    // B15: transformValues materialized (cached store), a delete the transformer turns into a row
    {
      StreamsBuilder b = new StreamsBuilder();
      b.<String, String>table("t").transformValues(Upper::new, Materialized.<String, String, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("up")).toStream().to("out");
      try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props(true))) {
        TestInputTopic<String, String> it = d.createInputTopic("t", S.serializer(), S.serializer());
        it.pipeInput("a", "x", 1); it.pipeInput("keep", "k", 2); it.pipeInput("a", null, 3); it.pipeInput("keep", null, 4); it.pipeInput("a", "w", 5);
        dump("B15", d, "out", S.deserializer(), S.deserializer());
        KeyValueStore<String, String> up = d.getKeyValueStore("up");
        System.out.println("up a=" + up.get("a") + " keep=" + up.get("keep"));
      }
    }
  }
}
