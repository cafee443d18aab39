// Kafka: ForwardingDisabledProcessorContext (over the old ProcessorContext's record accessors)
import type { Duration } from 'luxon';
import { StreamsError } from '../../errors/streams-error.js';
import { Headers } from '../headers.js';
import type { BaseProcessorContext } from '../processor-context.js';
import type { Cancellable, PunctuationType, Punctuator } from '../punctuation-type.js';
import type { RecordMetadata } from '../record-metadata.js';
import type { StateStore } from '../../state/state-store.js';
import type { TaskId } from '../task-id.js';
import type { ValueTransformerContext } from '../value-transformer-with-key.js';

/**
 * The context of one `ValueTransformerWithKey`: the owning processor's context, plus the
 * record being transformed, which the processor (or join getter) sets before each call.
 */
export class ValueTransformerContextImpl implements ValueTransformerContext {
  private currentTimestamp = -1;
  private currentHeaders = new Headers();
  /** False while a join getter transforms a stored row: no input record is known then (as in Java). */
  private fromRecord = true;

  constructor(private readonly inner: BaseProcessorContext) {}

  get applicationId(): string {
    return this.inner.applicationId;
  }

  get taskId(): TaskId {
    return this.inner.taskId;
  }

  get appConfigs(): Readonly<{ [key: string]: unknown }> {
    return this.inner.appConfigs;
  }

  /** The next `transform` is of an input record. */
  enterRecord(timestamp: number, headers: Headers): void {
    this.currentTimestamp = timestamp;
    this.currentHeaders = headers;
    this.fromRecord = true;
  }

  /** The next `transform` is of a stored row read by a join (timestamp -1 when there is none). */
  enterRow(timestamp: number): void {
    this.currentTimestamp = timestamp;
    this.currentHeaders = new Headers();
    this.fromRecord = false;
  }

  timestamp(): number {
    return this.currentTimestamp;
  }

  headers(): Headers {
    return this.currentHeaders;
  }

  recordMetadata(): RecordMetadata | null {
    return this.fromRecord ? this.inner.recordMetadata() : null;
  }

  forward(): never {
    throw new StreamsError(
      'ProcessorContext#forward() is not supported from this context: a ValueTransformerWithKey must not change the key. ' +
        'Return the new value from transform() instead.',
    );
  }

  schedule(interval: number | Duration, type: PunctuationType, punctuator: Punctuator): Cancellable {
    return this.inner.schedule(interval, type, punctuator);
  }

  getStateStore<S extends StateStore>(name: string): S {
    return this.inner.getStateStore<S>(name);
  }

  commit(): void {
    this.inner.commit();
  }

  currentStreamTimeMs(): number {
    return this.inner.currentStreamTimeMs();
  }

  currentSystemTimeMs(): number {
    return this.inner.currentSystemTimeMs();
  }
}
