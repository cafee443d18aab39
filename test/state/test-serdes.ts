import type { Serde } from '../../src/serdes/serde.js';

/** UTF-8 strings; records the topics it was called with. */
export function stringSerde(topics: string[] = []): Serde<string> {
  return {
    serializer: () => ({
      serialize: (topic, data) => {
        topics.push(topic);
        return data === null ? null : Buffer.from(data, 'utf8');
      },
    }),
    deserializer: () => ({
      deserialize: (topic, data) => {
        topics.push(topic);
        return data === null ? null : data.toString('utf8');
      },
    }),
  };
}

/** Numbers as 8-byte big-endian signed longs (Java's LongSerde bytes). */
export function longSerde(): Serde<number> {
  return {
    serializer: () => ({
      serialize: (_topic, data) => {
        if (data === null) return null;
        const out = Buffer.allocUnsafe(8);
        out.writeBigInt64BE(BigInt(data));
        return out;
      },
    }),
    deserializer: () => ({ deserialize: (_topic, data) => (data === null ? null : Number(data.readBigInt64BE(0))) }),
  };
}

/** Raw bytes, unchanged. */
export function bytesSerde(): Serde<Buffer> {
  return {
    serializer: () => ({ serialize: (_topic, data) => data }),
    deserializer: () => ({ deserialize: (_topic, data) => data }),
  };
}
