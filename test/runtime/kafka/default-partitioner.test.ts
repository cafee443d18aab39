import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, toPositive } from '../../../src/runtime/kafka/default-partitioner.js';

const require = createRequire(import.meta.url);

describe('default partitioner (Java producer compatible)', () => {
  it("matches Kafka's UtilsTest.testMurmur2 vectors", () => {
    const cases: Array<[Uint8Array, number]> = [
      [Buffer.from('21'), -973932308],
      [Buffer.from('foobar'), -790332482],
      [Buffer.from('a-little-bit-long-string'), -985981536],
      [Buffer.from('a-little-bit-longer-string'), -1486304829],
      [Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'), -58897971],
      [Buffer.from('abc'), 479470107],
    ];
    for (const [data, expected] of cases) expect(murmur2(data)).toBe(expected);
  });

  it("agrees with kafkajs 2's DefaultPartitioner (which is Java compatible too)", () => {
    const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2.js') as (key: Buffer) => number;
    const { DefaultPartitioner } = require('kafkajs').Partitioners as { DefaultPartitioner: () => (a: object) => number };
    const kafkajs = DefaultPartitioner();
    const partitionMetadata = Array.from({ length: 7 }, (_, i) => ({ partitionId: i, leader: 1 }));
    for (let i = 0; i < 500; i++) {
      const key = randomBytes(i % 40);
      expect(murmur2(key)).toBe(kafkajsMurmur2(key));
      expect(partitionForKey(key, 7)).toBe(kafkajs({ topic: 't', partitionMetadata, message: { key, value: null } }));
    }
  });

  it('clears the sign bit rather than taking the absolute value', () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-2147483648)).toBe(0);
    expect(partitionForKey(Buffer.from('foobar'), 4)).toBe(toPositive(-790332482) % 4);
  });
});
