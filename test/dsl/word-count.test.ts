import { describe, expect, it } from 'vitest';
import { buildTopology, config, words } from '../../examples/word-count.js';
import { driverFor, L, S } from './driver-helpers.js';

describe('examples/word-count', () => {
  it('counts words into word-counts-output and counts-store', async () => {
    const driver = driverFor(buildTopology(), config);
    const input = driver.createInputTopic('text-lines', S.serializer(), S.serializer());
    const output = driver.createOutputTopic('word-counts-output', S.deserializer(), L.deserializer());
    await input.pipeInput(null, 'Hello Kafka Streams', 1);
    await input.pipeInput(null, 'All streams lead to Kafka', 2);
    await input.pipeInput(null, 'Join Kafka Summit', 3);

    expect(output.readKeyValuesToMap()).toEqual(
      new Map([
        ['hello', 1],
        ['kafka', 3],
        ['streams', 2],
        ['all', 1],
        ['lead', 1],
        ['to', 1],
        ['join', 1],
        ['summit', 1],
      ]),
    );
    const store = driver.getKeyValueStore<string, number>('counts-store');
    expect(store.get('kafka')).toBe(3);
    expect(store.get('streams')).toBe(2);
    expect(store.get('missing')).toBeNull();
  });

  it("writes the store's changelog as Java does: raw Long counts, the timestamp in the record", async () => {
    const driver = driverFor(buildTopology(), config);
    const input = driver.createInputTopic('text-lines', S.serializer(), S.serializer());
    const changelog = driver.createOutputTopic('word-count-counts-store-changelog', S.deserializer(), L.deserializer());
    await input.pipeInput(null, 'a b a', 10);
    await input.pipeInput(null, 'b', 20);
    expect(changelog.readRecordsToList().map((r) => `${r.key}=${r.value}@${r.timestamp}`)).toEqual(['a=1@10', 'b=1@10', 'a=2@10', 'b=2@20']);
  });

  it('emits one updated count per word occurrence, with the line timestamp', async () => {
    const driver = driverFor(buildTopology(), config);
    const input = driver.createInputTopic('text-lines', S.serializer(), S.serializer());
    const output = driver.createOutputTopic('word-counts-output', S.deserializer(), L.deserializer());
    await input.pipeInput(null, 'a b a', 10);
    // The driver commits after every record, including each one read back from the repartition topic.
    expect(output.readRecordsToList().map((r) => `${r.key}=${r.value}@${r.timestamp}`)).toEqual(['a=1@10', 'b=1@10', 'a=2@10']);
  });

  it('splits lines into lowercase words', () => {
    expect(words("Don't PANIC, it's 42!")).toEqual(["don't", 'panic', "it's", '42']);
    expect(words('')).toEqual([]);
  });

  it('describes like Java', () => {
    expect(buildTopology().describe().toString()).toContain('Sink: counts-store-repartition-sink (topic: counts-store-repartition)');
  });
});
