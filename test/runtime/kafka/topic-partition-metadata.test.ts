import { describe, expect, it } from 'vitest';
import {
  decodeTopicPartitionMetadata,
  encodeTopicPartitionMetadata,
  UNKNOWN_PARTITION_TIME,
} from '../../../src/runtime/kafka/topic-partition-metadata.js';

// Cases of Kafka's TopicPartitionMetadataTest, plus the exact bytes Java writes.
describe('TopicPartitionMetadata (offset-commit metadata, Java compatible)', () => {
  it('encodes version 2: magic, big-endian partition time, no processor metadata', () => {
    const encoded = encodeTopicPartitionMetadata(100);
    expect(Buffer.from(encoded, 'base64')).toEqual(Buffer.from([2, 0, 0, 0, 0, 0, 0, 0, 100]));
    expect(encoded).toBe('AgAAAAAAAABk');
    expect(decodeTopicPartitionMetadata(encoded)).toEqual({ partitionTime: 100, processorMetadata: new Map() });
  });

  it('round-trips processor metadata', () => {
    const meta = new Map([['some_key', 100n]]);
    const encoded = encodeTopicPartitionMetadata(1_700_000_000_000, meta);
    const bytes = Buffer.from(encoded, 'base64');
    expect(bytes.subarray(9, 13).readInt32BE()).toBe(1);
    expect(decodeTopicPartitionMetadata(encoded)).toEqual({ partitionTime: 1_700_000_000_000, processorMetadata: meta });
  });

  it('decodes version 1 (magic + partition time)', () => {
    const v1 = Buffer.alloc(9);
    v1.writeInt8(1, 0);
    v1.writeBigInt64BE(100n, 1);
    expect(decodeTopicPartitionMetadata(v1.toString('base64')).partitionTime).toBe(100);
  });

  it('gives an unknown partition time for empty, unknown-version or invalid metadata', () => {
    for (const bad of ['', null, undefined, Buffer.from([3]).toString('base64'), '{}', '{"partitionTime":5}']) {
      expect(decodeTopicPartitionMetadata(bad)).toEqual({ partitionTime: UNKNOWN_PARTITION_TIME, processorMetadata: new Map() });
    }
  });
});
