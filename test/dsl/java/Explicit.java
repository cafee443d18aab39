// Builds programs with ensure.explicit.internal.resource.naming=true and prints what Java reports
// (run: generate.sh --explicit); build-errors.test.ts expects the same resources.
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.*;
import org.apache.kafka.streams.kstream.*;
import java.util.*;
import java.util.function.*;

public class Explicit {
  static void check(String name, Consumer<StreamsBuilder> program) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
    p.put("ensure.explicit.internal.resource.naming", "true");
    StreamsBuilder b = new StreamsBuilder(new TopologyConfig(new StreamsConfig(withBootstrap(p))));
    program.accept(b);
    try { b.build(p); System.out.println(name + ": ok"); }
    catch (Exception e) { System.out.println(name + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()); }
  }
  static Properties withBootstrap(Properties p) { Properties q = new Properties(); q.putAll(p); q.put("bootstrap.servers", "x:1"); return q; }
  public static void main(String[] a) {
    check("table-plain", b -> b.<String, String>table("t").toStream().to("out"));
    check("table-filter-unnamed", b -> b.<String, String>table("t", Materialized.as("x")).filter((k, v) -> true).toStream().to("out"));
    check("table-filter-mat-with", b -> b.<String, String>table("t", Materialized.as("x")).filter((k, v) -> true, Materialized.with(null, null)).toStream().to("out"));
    check("count-plain-nologging-named", b -> b.<String, String>stream("in").groupByKey().count(Materialized.<String, Long, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("n").withLoggingDisabled()).toStream().to("out"));
    check("cogroup-unnamed", b -> { KGroupedStream<String,String> g = b.<String, String>stream("in").groupByKey(); g.cogroup((String k, String v, String ag) -> ag + v).aggregate(() -> "").toStream().to("out"); });
    check("table-regroup-unnamed-all", b -> b.<String, String>table("t", Materialized.as("x")).groupBy((k, v) -> KeyValue.pair(v, k)).count().toStream().to("out"));
    check("repartition-unnamed", b -> b.<String, String>stream("in").repartition().to("out"));
    check("generated", b -> b.<String, String>stream("in").selectKey((k, v) -> v).groupByKey().count().toStream().to("out"));
    check("named", b -> { b.<String, String>stream("in").selectKey((k, v) -> v).repartition(Repartitioned.as("by-value")).groupByKey().count(Materialized.as("counts")).toStream().to("out"); });
    check("table-unnamed-regroup", b -> b.<String, String>table("t").groupBy((k, v) -> KeyValue.pair(v, k), Grouped.as("regroup")).count(Materialized.as("regrouped")).toStream().to("out2"));
    check("table-named-regroup", b -> b.<String, String>table("t", Materialized.as("users")).groupBy((k, v) -> KeyValue.pair(v, k), Grouped.as("regroup")).count(Materialized.as("regrouped")).toStream().to("out2"));
    check("logging-disabled-unnamed", b -> b.<String, String>stream("in").groupByKey().count(Materialized.<String, Long, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>with(null, null).withLoggingDisabled()).toStream().to("out"));
    check("toTable-unnamed", b -> b.<String, String>stream("in").toTable().toStream().to("out"));
    check("toTable-rekey-unnamed", b -> b.<String, String>stream("in").selectKey((k, v) -> v).toTable(Materialized.as("t")).toStream().to("out"));
    check("groupBy-store-named", b -> b.<String, String>stream("in").groupBy((k, v) -> v).count(Materialized.as("c")).toStream().to("out"));
  }
}
