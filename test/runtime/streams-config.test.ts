import { describe, expect, it } from 'vitest';
import { ConfigError, resolveStreamsConfig } from '../../src/runtime/streams-config.js';
import { KafkaStreams } from '../../src/runtime/kafka-streams.js';
import { buildTopology } from '../../examples/word-count.js';

describe('resolveStreamsConfig', () => {
  it("fills Kafka's defaults", () => {
    const c = resolveStreamsConfig({ applicationId: 'app' });
    expect(c).toMatchObject({ commitIntervalMs: 30_000, cacheMaxBytes: 10 * 1024 * 1024, taskTimeoutMs: 300_000, metadataMaxAgeMs: 300_000 });
  });

  it("accepts Kafka's dotted names", () => {
    const c = resolveStreamsConfig({ applicationId: 'app', 'metadata.max.age.ms': 1000, 'commit.interval.ms': 50 });
    expect([c.metadataMaxAgeMs, c.commitIntervalMs]).toEqual([1000, 50]);
  });

  it('rejects a value out of range, naming the key', () => {
    expect(() => resolveStreamsConfig({ applicationId: 'app', metadataMaxAgeMs: 0 })).toThrow(new ConfigError('metadataMaxAgeMs must be a number >= 1 (got 0).'));
  });

  it('rejects unknown keys, listing the known ones', () => {
    expect(() => resolveStreamsConfig({ applicationId: 'app', 'no.such.key': 1 })).toThrow(/Unknown config key\(s\): no\.such\.key\. Known keys: .*metadataMaxAgeMs/);
  });

  it('rejects an applicationServer that is not host:port when the client is made', () => {
    const config = { applicationId: 'app', bootstrapServers: 'localhost:9092', 'application.server': 'localhost' };
    expect(resolveStreamsConfig(config).applicationServer).toBe('localhost');
    expect(() => new KafkaStreams(buildTopology(), config)).toThrow(new ConfigError('applicationServer must be "host:port" (got "localhost").'));
  });
});
