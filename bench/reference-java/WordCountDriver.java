// Java's side of `npm run bench -- dsl-java`: the word count of examples/word-count.ts through
// Java Kafka Streams' own TopologyTestDriver, on the same lines (same generator, 8 words per
// line, 10k-word vocabulary). Prints one line per measured run: "words/s <rate>".
//
// Usage: java WordCountDriver <rocksdb|memory> <lines> <warmup runs> <measured runs>
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

public class WordCountDriver {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

  /** examples/word-count.ts `words()`: lowercase letters, digits and apostrophes. */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(line.toLowerCase(Locale.ROOT));
    while (m.find()) out.add(m.group());
    return out;
  }

  /** bench/dsl-workloads.ts `lines()`: the same deterministic lines. */
  static List<String> lines(int count) {
    String[] vocabulary = new String[10_000];
    for (int i = 0; i < vocabulary.length; i++) vocabulary[i] = "word" + Integer.toString(i, 36);
    long seed = 42;
    List<String> lines = new ArrayList<>(count);
    for (int l = 0; l < count; l++) {
      StringBuilder line = new StringBuilder();
      for (int w = 0; w < 8; w++) {
        seed = (seed * 1103515245L + 12345L) & 0xffffffffL;
        if (w > 0) line.append(' ');
        line.append(vocabulary[(int) (seed % vocabulary.length)]);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  public static void main(String[] args) throws Exception {
    boolean rocksDb = args[0].equals("rocksdb");
    List<String> data = lines(Integer.parseInt(args[1]));
    int warmup = Integer.parseInt(args[2]);
    int runs = Integer.parseInt(args[3]);
    Materialized<String, Long, KeyValueStore<Bytes, byte[]>> store = rocksDb
        ? Materialized.as("counts-store")
        : Materialized.as(Stores.inMemoryKeyValueStore("counts-store"));
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("text-lines", Consumed.with(Serdes.String(), Serdes.String()))
        .flatMapValues(WordCountDriver::words)
        .groupBy((key, word) -> word, Grouped.with(Serdes.String(), Serdes.String()))
        .count(store)
        .toStream()
        .to("word-counts-output", Produced.with(Serdes.String(), Serdes.Long()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "word-count");
    Path stateDir = Files.createTempDirectory("kstreams-bench-java");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      TestInputTopic<String, String> input = driver.createInputTopic("text-lines", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, Long> output = driver.createOutputTopic("word-counts-output", new StringDeserializer(), new LongDeserializer());
      for (int run = 0; run < warmup + runs; run++) {
        long start = System.nanoTime();
        for (String line : data) input.pipeInput(line);
        output.readRecordsToList();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (run >= warmup) System.out.printf(Locale.ROOT, "words/s %.0f%n", data.size() * 8 / seconds);
      }
    } finally {
      try (Stream<Path> paths = Files.walk(stateDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
