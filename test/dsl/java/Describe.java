// Prints Java Kafka Streams describe() texts for the programs in ../programs.ts (run generate.sh).
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.*;
import org.apache.kafka.streams.kstream.*;
import org.apache.kafka.streams.processor.api.*;
import org.apache.kafka.streams.state.*;
import java.util.*;
import java.util.function.*;
import java.util.regex.Pattern;

public class Describe {
  static final Map<String, Function<StreamsBuilder, Properties>> programs = new LinkedHashMap<>();
  static Properties none() { return new Properties(); }
  static Properties opt(String v) { Properties p = new Properties(); p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, v); return p; }

  static class Proc implements Processor<Object, Object, Object, Object> { public void process(org.apache.kafka.streams.processor.api.Record<Object, Object> r) {} }
  static class VT implements ValueTransformerWithKey<String, String, String> {
    public void init(org.apache.kafka.streams.processor.ProcessorContext c) {}
    public String transform(String k, String v) { return v; }
    public void close() {}
  }
  static class FProc implements FixedKeyProcessor<Object, Object, Object> { public void process(FixedKeyRecord<Object, Object> r) {} }

  public static void main(String[] args) {
    programs.put("word-count", b -> {
      b.<String, String>stream("text-lines", Consumed.with(Serdes.String(), Serdes.String()))
        .flatMapValues(v -> Arrays.asList(v.toLowerCase().split("\\W+")))
        .groupBy((k, w) -> w, Grouped.with(Serdes.String(), Serdes.String()))
        .count(Materialized.as("counts-store"))
        .toStream().to("word-counts-output", Produced.with(Serdes.String(), Serdes.Long()));
      return none();
    });
    programs.put("stateless-chain", b -> {
      KStream<String, String> s = b.stream("in");
      KStream<String, String> t = s.filter((k, v) -> true).filterNot((k, v) -> false)
        .map((k, v) -> KeyValue.pair(k, v)).mapValues(v -> v)
        .flatMap((k, v) -> List.of(KeyValue.pair(k, v))).flatMapValues(v -> List.of(v))
        .selectKey((k, v) -> k).peek((k, v) -> {});
      t.to("out");
      t.foreach((k, v) -> {});
      return none();
    });
    programs.put("table-to-stream-mapper", b -> {
      KTable<String, String> t = b.table("t");
      t.toStream((k, v) -> v).to("by-value");
      t.toStream((k, v) -> k + v, Named.as("rekeyed")).to("by-both");
      return none();
    });
    programs.put("table-transform-values", b -> {
      b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("lookup"), Serdes.String(), Serdes.String()));
      KTable<String, String> t = b.table("t");
      KTable<String, String> a = t.transformValues(VT::new);
      a.transformValues(VT::new, Materialized.as("tv-store"), "lookup").toStream().to("materialized");
      t.transformValues(VT::new, Named.as("tv-named"), "lookup").toStream().to("named");
      t.transformValues(VT::new, Materialized.with(Serdes.String(), Serdes.String()), Named.as("tv-unnamed-store")).toStream().to("unnamed-store");
      b.<String, String>stream("s").join(a, (v, x) -> v + x).to("joined");
      return none();
    });
    programs.put("print", b -> {
      KStream<String, String> s = b.stream("in");
      s.print(Printed.toSysOut());
      s.mapValues(v -> v).print(Printed.<String, String>toSysOut().withLabel("values").withName("printer"));
      return none();
    });
    programs.put("stateless-named", b -> {
      KStream<String, String> s = b.stream("in", Consumed.as("src"));
      s.filter((k, v) -> true, Named.as("f")).filterNot((k, v) -> false, Named.as("fn"))
        .map((k, v) -> KeyValue.pair(k, v), Named.as("m")).mapValues(v -> v, Named.as("mv"))
        .flatMap((k, v) -> List.of(KeyValue.pair(k, v)), Named.as("fm")).flatMapValues(v -> List.of(v), Named.as("fmv"))
        .selectKey((k, v) -> k, Named.as("sk")).peek((k, v) -> {}, Named.as("pk"))
        .to("out", Produced.as("sink"));
      s.foreach((k, v) -> {}, Named.as("fe"));
      return none();
    });
    programs.put("merge-repartition", b -> {
      KStream<String, String> a = b.<String, String>stream("a").selectKey((k, v) -> v);
      KStream<String, String> c = b.stream("b");
      a.merge(c).groupByKey().count().toStream().to("out");
      return none();
    });
    programs.put("split", b -> {
      Map<String, KStream<String, String>> m = b.<String, String>stream("in").split(Named.as("split-"))
        .branch((k, v) -> v.startsWith("a"), Branched.as("a"))
        .branch((k, v) -> v.startsWith("b"))
        .branch((k, v) -> v.startsWith("c"), Branched.withConsumer(s -> s.to("c-out")))
        .branch((k, v) -> v.startsWith("d"), Branched.withFunction(s -> s.mapValues(v -> v), "d"))
        .defaultBranch();
      for (Map.Entry<String, KStream<String, String>> e : new TreeMap<>(m).entrySet()) e.getValue().to(e.getKey() + "-out");
      return none();
    });
    programs.put("split-unnamed", b -> {
      Map<String, KStream<String, String>> m = b.<String, String>stream("in").split()
        .branch((k, v) -> true).branch((k, v) -> false).noDefaultBranch();
      for (Map.Entry<String, KStream<String, String>> e : new TreeMap<>(m).entrySet()) e.getValue().to(e.getKey());
      return none();
    });
    programs.put("repartition", b -> {
      KStream<String, String> s = b.stream("in");
      s.repartition().to("out1");
      s.repartition(Repartitioned.<String, String>as("r").withNumberOfPartitions(3)).to("out2");
      return none();
    });
    programs.put("to-table", b -> {
      KStream<String, String> s = b.stream("in");
      s.toTable().toStream().to("out1");
      s.selectKey((k, v) -> v).toTable(Named.as("tt"), Materialized.as("tt-store")).toStream().to("out2");
      s.selectKey((k, v) -> v).toTable().toStream().to("out3");
      return none();
    });
    programs.put("grouped-stream", b -> {
      KStream<String, String> s = b.stream("in");
      s.groupByKey().count().toStream().to("c1");
      s.groupByKey().count(Materialized.with(Serdes.String(), Serdes.Long())).toStream().to("c2");
      s.groupByKey().reduce((a, v) -> a + v).toStream().to("r1");
      s.groupByKey().aggregate(() -> "", (k, v, a) -> a + v).toStream().to("a1");
      s.groupByKey().count(Named.as("named-count")).toStream().to("c3");
      return none();
    });
    programs.put("grouped-repartition", b -> {
      KStream<String, String> s = b.<String, String>stream("in").selectKey((k, v) -> v);
      s.groupByKey().count().toStream().to("c1");
      s.groupByKey(Grouped.as("g")).reduce((a, v) -> a + v, Materialized.as("red")).toStream().to("r1");
      KGroupedStream<String, String> g = s.groupBy((k, v) -> v, Grouped.as("shared"));
      g.count().toStream().to("c2");
      g.aggregate(() -> "", (k, v, a) -> a + v).toStream().to("a2");
      return none();
    });
    programs.put("table-regroup", b -> {
      KTable<String, String> t = b.table("t");
      t.groupBy((k, v) -> KeyValue.pair(v, k)).count().toStream().to("c");
      t.groupBy((k, v) -> KeyValue.pair(v, k), Grouped.as("regroup")).reduce((a, v) -> a + v, (a, v) -> a, Materialized.as("reduced")).toStream().to("r");
      t.groupBy((k, v) -> KeyValue.pair(v, k)).aggregate(() -> "", (k, v, a) -> a + v, (k, v, a) -> a, Named.as("agg")).toStream().to("a");
      return none();
    });
    programs.put("table-ops", b -> {
      KTable<String, String> t = b.table("t", Materialized.as("t-store"));
      t.filter((k, v) -> true).toStream().to("o1");
      t.filterNot((k, v) -> true, Materialized.as("fn-store")).toStream().to("o2");
      t.mapValues(v -> v, Named.as("mv")).toStream(Named.as("ts")).to("o3");
      t.mapValues(v -> v, Materialized.with(Serdes.String(), Serdes.String())).filter((k, v) -> true, Named.as("f2")).toStream().to("o4");
      KTable<String, String> u = b.table("u");
      u.filter((k, v) -> true).groupBy((k, v) -> KeyValue.pair(v, k)).count().toStream().to("o5");
      return none();
    });
    programs.put("cogroup", b -> {
      KGroupedStream<String, String> g1 = b.<String, String>stream("a").groupByKey();
      KGroupedStream<String, String> g2 = b.<String, String>stream("b").selectKey((k, v) -> v).groupByKey(Grouped.as("bg"));
      g1.cogroup((String k, String v, String a) -> a + v).cogroup(g2, (k, v, a) -> a + v).aggregate(() -> "").toStream().to("out");
      KGroupedStream<String, String> g3 = b.<String, String>stream("c").groupByKey();
      g3.cogroup((String k, String v, String a) -> a + v).aggregate(() -> "", Named.as("cg"), Materialized.as("cg-store")).toStream().to("out2");
      return none();
    });
    programs.put("process", b -> {
      b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s1"), Serdes.String(), Serdes.String()));
      KStream<Object, Object> s = b.stream("in");
      s.process(Proc::new, "s1").processValues(FProc::new, Named.as("pv"), "s1").to("out");
      s.process(Proc::new, Named.as("p2")).groupByKey().count().toStream().to("out2");
      return none();
    });
    programs.put("pattern-and-duplicate-sources", b -> {
      b.stream(Pattern.compile("topic-.*")).to("out1");
      b.stream("x").to("out2");
      b.stream("x").mapValues(v -> v).to("out3");
      b.stream(List.of("y", "z")).to("out4");
      return none();
    });
    programs.put("merge-optimized", b -> {
      KStream<String, String> s = b.<String, String>stream("in").map((k, v) -> KeyValue.pair(v, v));
      KGroupedStream<String, String> g = s.groupByKey();
      g.count().toStream().to("c");
      g.reduce((a, v) -> a + v).toStream().to("r");
      s.filter((k, v) -> true).groupByKey().count(Materialized.as("third")).toStream().to("c3");
      return opt("all");
    });
    programs.put("reuse-source-optimized", b -> {
      b.table("t", Materialized.as("t-store")).toStream().to("out");
      return opt("reuse.ktable.source.topics");
    });
    programs.put("merge-optimized-through-merge", b -> {
      KStream<String, String> a = b.<String, String>stream("a").selectKey((k, v) -> v);
      KStream<String, String> c = b.<String, String>stream("b").map((k, v) -> KeyValue.pair(v, k));
      KStream<String, String> m = a.merge(c);
      m.groupByKey().count().toStream().to("o1");
      a.groupByKey(Grouped.as("only-a")).count().toStream().to("o3");
      return opt("all");
    });
    programs.put("table-named-source", b -> {
      KTable<String, String> t = b.table("t", Consumed.as("users"));
      t.filter((k, v) -> true, Named.as("f"), Materialized.as("f-store")).groupBy((k, v) -> KeyValue.pair(v, k), Grouped.as("g")).count(Named.as("cnt")).toStream().to("out");
      return none();
    });
    for (Map.Entry<String, Function<StreamsBuilder, Properties>> e : programs.entrySet()) {
      StreamsBuilder b = new StreamsBuilder();
      Properties p = e.getValue().apply(b);
      Topology t = b.build(p);
      System.out.println("=== " + e.getKey());
      System.out.print(t.describe().toString());
      System.out.println("=== end");
    }
  }
}
