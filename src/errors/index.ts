export { StreamsError } from './streams-error.js';
export { TopologyError, type TopologyIssue } from './topology-error.js';
export { TaskError, type RecordCoordinates } from './task-error.js';
export { DeserializationError } from './deserialization-error.js';
export { SerializationError } from './serialization-error.js';
export { ProcessorStateError } from './processor-state-error.js';
export type { DeserializationHandler, DeserializationErrorContext } from './deserialization-handler.js';
export type { ProcessingHandler, ProcessingErrorContext } from './processing-handler.js';
export { InvalidStateStoreError } from './invalid-state-store-error.js';
