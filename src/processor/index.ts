export { Record } from './record.js';
export { FixedKeyRecord } from './fixed-key-record.js';
export { Headers, type Header } from './headers.js';
export { TaskId } from './task-id.js';
export { PunctuationType, type Punctuator, type Cancellable } from './punctuation-type.js';
export type { RecordMetadata } from './record-metadata.js';
export type { Processor, FixedKeyProcessor, ProcessorSupplier, FixedKeyProcessorSupplier } from './processor.js';
export type { ProcessorContext, FixedKeyProcessorContext, BaseProcessorContext } from './processor-context.js';
export {
  FailOnInvalidTimestamp,
  LogAndSkipOnInvalidTimestamp,
  UsePartitionTimeOnInvalidTimestamp,
  WallclockTimestampExtractor,
  type TimestampExtractor,
  type ConsumedRecord,
} from './timestamp-extractor.js';
export type { StreamPartitioner } from './stream-partitioner.js';
export type { TopicNameExtractor } from './topic-name-extractor.js';
export { AutoOffsetReset, type OffsetResetPolicy } from './auto-offset-reset.js';
export type { ValueTransformerWithKey, ValueTransformerWithKeySupplier, ValueTransformerContext } from './value-transformer-with-key.js';
