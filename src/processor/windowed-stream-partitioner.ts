// Kafka: WindowedStreamPartitioner
import { partitionForKey } from '../runtime/kafka/default-partitioner.js';
import type { WindowedSerializer } from '../serdes/time-windowed-serde.js';
import type { Windowed } from '../windows/windowed.js';
import type { StreamPartitioner } from './stream-partitioner.js';

/**
 * Partitions windowed keys by their plain key (murmur2 of the serialized key, as the
 * producer would partition the unwindowed key), so all windows of a key land in the same
 * partition as the key itself. Sinks with a windowed key serde use it by default.
 */
export class WindowedStreamPartitioner<K> implements StreamPartitioner<Windowed<K>, unknown> {
  constructor(private readonly serializer: WindowedSerializer<K>) {}

  partition(topic: string, key: Windowed<K> | null, _value: unknown, numPartitions: number): number | null {
    if (key === null) return null;
    const bytes = this.serializer.serializeBaseKey(topic, key);
    return bytes === null ? null : partitionForKey(bytes, numPartitions);
  }
}
