// Word count (issue 3 §7): lines from `text-lines` -> lowercase words -> count per word
// in `counts-store` -> `word-counts-output` (String keys, Long counts).
//
// Run it with `kstreams run examples/word-count.ts`, or test it with the TopologyTestDriver
// (test/dsl/word-count.test.ts).
import { Consumed, Grouped, Materialized, Produced, Serdes, StreamBuilder, type StreamsConfig, type Topology } from 'kstreams';

/** The application's config (add `bootstrapServers` to run against Kafka). */
export const config: StreamsConfig = {
  applicationId: 'word-count',
  defaultKeySerde: Serdes.String(),
  defaultValueSerde: Serdes.String(),
};

/** Splits lines into lowercase words (letters, digits, apostrophes). */
export function words(line: string): string[] {
  return line.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/**
 * source(text-lines) -> flatMapValues(words) -> groupBy(word) -> repartition
 * (`word-count-counts-store-repartition`) -> count into `counts-store` -> toStream -> sink.
 * The topics can be renamed (the tests and benchmarks share one broker).
 */
export function buildTopology(input = 'text-lines', output = 'word-counts-output'): Topology {
  const builder = new StreamBuilder();
  builder
    .stream(input, Consumed.with(Serdes.String(), Serdes.String()))
    .flatMapValues(words)
    .groupBy((_key, word) => word, Grouped.with(Serdes.String(), Serdes.String()))
    .count(Materialized.as('counts-store'))
    .toStream()
    .to(output, Produced.with(Serdes.String(), Serdes.Long()));
  return builder.build(config);
}
