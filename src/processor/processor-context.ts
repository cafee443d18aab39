import type { Duration } from 'luxon';
import type { Record } from './record.js';
import type { FixedKeyRecord } from './fixed-key-record.js';
import type { TaskId } from './task-id.js';
import type { RecordMetadata } from './record-metadata.js';
import type { Cancellable, PunctuationType, Punctuator } from './punctuation-type.js';
import type { StateStore } from '../state/state-store.js';

/** What a processor and a fixed-key processor's context have in common. */
export interface BaseProcessorContext {
  readonly applicationId: string;
  readonly taskId: TaskId;
  /** The application's configuration as given to the driver or `KafkaStreams`. */
  readonly appConfigs: Readonly<{ [key: string]: unknown }>;
  /** Topic, partition and offset of the record being processed; null in a punctuator. */
  recordMetadata(): RecordMetadata | null;
  /**
   * Schedules `punctuator` every `interval`. STREAM_TIME fires as input advances stream
   * time (anchored at 0); WALL_CLOCK_TIME first fires at now + interval. Missed intervals
   * fire once and the schedule realigns to the interval grid.
   */
  schedule(interval: number | Duration, type: PunctuationType, punctuator: Punctuator): Cancellable;
  /** A store connected to this processor (`addStateStore` / `connectProcessorAndStateStores`). */
  getStateStore<S extends StateStore>(name: string): S;
  /** Asks the task to commit as soon as possible. */
  commit(): void;
  /** The task's stream time: the largest record timestamp seen, -1 before any. */
  currentStreamTimeMs(): number;
  /** The wall clock (mocked by the test driver). */
  currentSystemTimeMs(): number;
}

/** The context a `Processor` receives in `init`: forwarding, scheduling, stores, metadata. */
export interface ProcessorContext<KForward = unknown, VForward = unknown> extends BaseProcessorContext {
  /** Sends a record to all children, or only to the child named `childName`. */
  forward<K extends KForward, V extends VForward>(record: Record<K, V>, childName?: string): void;
}

/** The context of a `FixedKeyProcessor`: forwards records whose key cannot change. */
export interface FixedKeyProcessorContext<KForward = unknown, VForward = unknown> extends BaseProcessorContext {
  forward<V extends VForward>(record: FixedKeyRecord<KForward, V>, childName?: string): void;
}
