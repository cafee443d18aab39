// The join scenarios of test/joins/*.test.ts, run through Java's TopologyTestDriver (4.4).
// Prints "=== <scenario>" then "--- <topic>" and one "key value @timestamp" line per output
// record, and "--- describe" followed by Topology.describe(). Run: test/joins/java/run.sh
import org.apache.kafka.common.serialization.*;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.*;
import org.apache.kafka.streams.kstream.*;
import org.apache.kafka.streams.state.*;
import org.apache.kafka.streams.test.TestRecord;
import java.time.Duration;
import java.util.*;
import java.util.function.*;

public class Joins {
  static final Serde<String> S = Serdes.String();

  static Properties props() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "x:9092");
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    return p;
  }

  interface Script { void run(TopologyTestDriver d, Map<String, TestOutputTopic<String, String>> outs); }

  static String only;

  static void scenario(String name, Consumer<StreamsBuilder> program, List<String> outputs, Script script) {
    if (only != null && !name.startsWith(only)) return;
    StreamsBuilder b = new StreamsBuilder();
    program.accept(b);
    Topology topology = b.build();
    System.out.println("=== " + name);
    try (TopologyTestDriver d = new TopologyTestDriver(topology, props(), java.time.Instant.EPOCH)) {
      Map<String, TestOutputTopic<String, String>> outs = new LinkedHashMap<>();
      for (String o : outputs) outs.put(o, d.createOutputTopic(o, S.deserializer(), S.deserializer()));
      script.run(d, outs);
      for (Map.Entry<String, TestOutputTopic<String, String>> e : outs.entrySet()) {
        System.out.println("--- " + e.getKey());
        for (TestRecord<String, String> r : e.getValue().readRecordsToList()) System.out.println(r.key() + " " + r.value() + " @" + r.timestamp());
      }
    } catch (Exception e) {
      System.out.println("!!! " + e);
    }
  }

  static void describe(String name, Consumer<StreamsBuilder> program) {
    if (only != null && !name.startsWith(only)) return;
    StreamsBuilder b = new StreamsBuilder();
    program.accept(b);
    System.out.println("=== " + name);
    System.out.println("--- describe");
    System.out.print(b.build().describe());
  }

  /** Pipes "topic key value @ts" steps; key/value "-" mean null. */
  static void pipe(TopologyTestDriver d, String... steps) {
    Map<String, TestInputTopic<String, String>> ins = new HashMap<>();
    for (String step : steps) {
      String[] p = step.split(" ");
      TestInputTopic<String, String> in = ins.computeIfAbsent(p[0], t -> d.createInputTopic(t, S.serializer(), S.serializer()));
      in.pipeInput(p[1].equals("-") ? null : p[1], p[2].equals("-") ? null : p[2], Long.parseLong(p[3].substring(1)));
    }
  }

  static ValueJoiner<String, String, String> J = (a, b) -> a + "+" + b;

  public static void main(String[] args) {
    only = args.length > 0 ? args[0] : null;

    // ---------------------------------------------------------------- stream-table
    scenario("st-basic", b -> {
      KStream<String, String> s = b.stream("s");
      KTable<String, String> t = b.table("t");
      s.join(t, J).to("inner");
      s.leftJoin(t, J).to("left");
    }, List.of("inner", "left"), (d, o) -> pipe(d,
      "t a A1 @10", "s a x @5", "s b y @6", "t a A2 @20", "s a z @15", "t a - @30", "s a w @31",
      "s - n @32", "s a - @33", "t b B1 @1", "s b v @2"));

    scenario("st-rekey", b -> {
      KStream<String, String> s = b.<String, String>stream("s").selectKey((k, v) -> v.startsWith("nil") ? null : v.substring(0, 1));
      KTable<String, String> t = b.table("t");
      s.join(t, J, Joined.as("j")).to("inner");
      s.leftJoin(t, J).to("left");
    }, List.of("inner", "left"), (d, o) -> pipe(d, "t a A @1", "s k1 ax @2", "s k2 bx @3", "s k3 nil @4"));
    describe("st-rekey", b -> {
      KStream<String, String> s = b.<String, String>stream("s").selectKey((k, v) -> v.substring(0, 1));
      KTable<String, String> t = b.table("t");
      s.join(t, J, Joined.as("j")).to("inner");
      s.leftJoin(t, J).to("left");
    });
    describe("st-inner-rekey", b -> {
      KStream<String, String> s = b.<String, String>stream("s").selectKey((k, v) -> v.substring(0, 1));
      s.join(b.table("t"), J).to("inner");
    });
    describe("st-filtered-table", b -> {
      KTable<String, String> t = b.<String, String>table("t").filter((k, v) -> !v.startsWith("x")).mapValues(v -> v.toUpperCase());
      b.<String, String>stream("s").join(t, J).to("inner");
    });
    scenario("st-filtered-table", b -> {
      KTable<String, String> t = b.<String, String>table("t").filter((k, v) -> !v.startsWith("x")).mapValues(v -> v.toUpperCase());
      b.<String, String>stream("s").join(t, J).to("inner");
    }, List.of("inner"), (d, o) -> pipe(d, "t a a1 @1", "s a 1 @2", "t a x2 @3", "s a 2 @4", "t b b1 @5", "s b 3 @6"));

    // ---------------------------------------------------------------- global
    KeyValueMapper<String, String, String> fk = (k, v) -> v == null || !v.contains(":") ? null : v.split(":")[0];
    scenario("gt-basic", b -> {
      KStream<String, String> s = b.stream("s");
      GlobalKTable<String, String> g = b.globalTable("g");
      s.join(g, fk, J).to("inner");
      s.leftJoin(g, fk, J).to("left");
    }, List.of("inner", "left"), (d, o) -> pipe(d,
      "g p1 P1 @100", "s k1 p1:a @1", "s k2 p2:b @2", "s - p1:c @3", "s k3 nokey @4", "s k4 - @5", "g p1 - @6", "s k5 p1:d @7"));
    describe("gt-basic", b -> {
      KStream<String, String> s = b.stream("s");
      GlobalKTable<String, String> g = b.globalTable("g");
      s.join(g, fk, J).to("inner");
      s.leftJoin(g, fk, J).to("left");
    });
    describe("gt-named", b -> {
      KStream<String, String> s = b.stream("s");
      GlobalKTable<String, String> g = b.globalTable("g", Consumed.as("products"), Materialized.as("products-store"));
      s.selectKey((k, v) -> v).leftJoin(g, fk, J, Named.as("enrich")).groupByKey().count().toStream().to("out");
    });

    // ---------------------------------------------------------------- table-table
    scenario("tt-basic", b -> {
      KTable<String, String> l = b.table("l");
      KTable<String, String> r = b.table("r");
      l.join(r, J).toStream().to("inner");
      l.leftJoin(r, J).toStream().to("left");
      l.outerJoin(r, J).toStream().to("outer");
    }, List.of("inner", "left", "outer"), (d, o) -> pipe(d,
      "l a L1 @1", "r a R1 @2", "l a L2 @3", "r a - @4", "l a - @5", "r b R2 @6", "l b L3 @7", "r c R @100", "l c L @50",
      "r b - @8", "r b R3 @9", "l - x @10"));
    scenario("tt-uncached", b -> {
      KTable<String, String> l = b.table("l", Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("ls").withCachingDisabled());
      KTable<String, String> r = b.table("r", Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("rs").withCachingDisabled());
      l.join(r, J).toStream().to("inner");
      l.leftJoin(r, J).toStream().to("left");
      l.outerJoin(r, J).toStream().to("outer");
    }, List.of("inner", "left", "outer"), (d, o) -> pipe(d,
      "l a L1 @1", "r a R1 @2", "l a L2 @3", "r a - @4", "l a - @5", "r b R2 @6", "l b L3 @7", "r b - @8", "l b - @9"));
    scenario("tt-materialized", b -> {
      KTable<String, String> l = b.table("l");
      KTable<String, String> r = b.table("r");
      l.leftJoin(r, J, Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("joined").withCachingDisabled())
        .groupBy((k, v) -> KeyValue.pair(v.substring(0, 1), v)).count().toStream().mapValues(v -> "" + v).to("counts");
    }, List.of("counts"), (d, o) -> pipe(d, "l a L1 @1", "r a R1 @2", "l b M1 @3", "r b - @4", "l a - @5"));
    describe("tt-basic", b -> {
      KTable<String, String> l = b.table("l");
      KTable<String, String> r = b.table("r");
      l.join(r, J).toStream().to("inner");
      l.leftJoin(r, J, Named.as("lj")).toStream().to("left");
      l.outerJoin(r, J, Materialized.as("outer-store")).toStream().to("outer");
    });
    scenario("tt-chain", b -> {
      KTable<String, String> l = b.table("l");
      KTable<String, String> r = b.table("r");
      KTable<String, String> m = b.table("m");
      l.join(r, J).leftJoin(m, J).toStream().to("out");
    }, List.of("out"), (d, o) -> pipe(d, "l a L @1", "m a M @2", "r a R @3", "m a - @4", "r a - @5"));

    // ---------------------------------------------------------------- foreign key
    Function<String, String> cust = v -> v.contains(":") ? v.split(":")[0] : null;
    ValueJoiner<String, String, String> FJ = (o, c) -> o + "/" + c;
    scenario("fk-basic", b -> {
      KTable<String, String> orders = b.table("orders");
      KTable<String, String> customers = b.table("customers");
      orders.join(customers, cust, FJ).toStream().to("inner");
      orders.leftJoin(customers, cust, FJ).toStream().to("left");
    }, List.of("inner", "left"), (d, o) -> pipe(d,
      "customers c1 Alice @1", "orders o1 c1:book @2", "orders o2 c2:pen @3", "customers c2 Bob @4", "orders o1 c2:book @5",
      "customers c1 Alicia @6", "customers c2 - @7", "orders o2 - @8", "orders o3 nofk @9", "customers c2 Bobby @3",
      "orders o1 c1:lamp @4", "orders o3 c1:cup @10", "orders o1 c1:lamp @11", "orders - c1:x @12"));
    describe("fk-named", b -> {
      KTable<String, String> orders = b.table("orders");
      KTable<String, String> customers = b.table("customers");
      orders.leftJoin(customers, cust, FJ, TableJoined.as("fk"), Materialized.as("fk-result")).toStream().to("out");
    });
    describe("fk-join", b -> {
      KTable<String, String> orders = b.table("orders");
      KTable<String, String> customers = b.table("customers");
      orders.join(customers, cust, FJ).toStream().to("orders-enriched");
    });

    // ---------------------------------------------------------------- stream-stream
    JoinWindows w = JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(10), Duration.ofMillis(5));
    scenario("ss-basic", b -> {
      KStream<String, String> l = b.stream("l");
      KStream<String, String> r = b.stream("r");
      l.join(r, J, w).to("inner");
      l.leftJoin(r, J, w).to("left");
      l.outerJoin(r, J, w).to("outer");
    }, List.of("inner", "left", "outer"), (d, o) -> pipe(d,
      "l a L1 @100", "r a R1 @105", "r a R2 @111", "l a L2 @90", "r b R3 @120", "l c L3 @121", "l a L4 @89",
      "r a R4 @95", "l a - @122", "l - n @123", "r - m @124", "l d L5 @140", "r d R5 @150", "r d R6 @151", "l e L6 @200", "l z Z @300"));
    JoinWindows asym = JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMillis(10)).before(Duration.ofMillis(2)).after(Duration.ofMillis(5));
    scenario("ss-asymmetric", b -> {
      KStream<String, String> l = b.stream("l");
      KStream<String, String> r = b.stream("r");
      l.join(r, J, asym).to("inner");
    }, List.of("inner"), (d, o) -> pipe(d,
      "l a L @100", "r a R95 @95", "r a R98 @98", "r a R105 @105", "r a R106 @106", "l a L2 @103"));
    describe("ss-named", b -> {
      KStream<String, String> l = b.<String, String>stream("l").selectKey((k, v) -> v);
      KStream<String, String> r = b.stream("r");
      l.outerJoin(r, J, w, StreamJoined.<String, String, String>as("st").withName("ss")).to("out");
    });
    describe("ss-left", b -> {
      KStream<String, String> l = b.stream("l");
      KStream<String, String> r = b.<String, String>stream("r").selectKey((k, v) -> v);
      l.leftJoin(r, J, w).to("out");
    });
  }
}
