/**
 * Chooses the partition of an output record. Return a partition number, or null/undefined
 * for the default (murmur2 of the serialized key, as the Java producer).
 */
export interface StreamPartitioner<K = any, V = any> {
  partition(topic: string, key: K, value: V, numPartitions: number): number | null | undefined;
}
