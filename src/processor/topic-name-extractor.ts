import type { RecordContext } from '../state/state-store-context.js';

/**
 * Chooses the output topic per record (`KStream.to(extractor)`, `Topology.addSink`). The
 * topics it names must already exist.
 */
export type TopicNameExtractor<K = any, V = any> =
  | ((key: K, value: V, recordContext: RecordContext) => string)
  | { extract(key: K, value: V, recordContext: RecordContext): string };
