// Kafka: KTableSuppressProcessorSupplier.KTableSuppressProcessor
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import { Record } from '../record.js';
import type { RecordContext } from '../../state/state-store-context.js';
import type { BufferEviction, TimeOrderedKeyValueBuffer } from '../../state/time-ordered-key-value-buffer.js';
import type { Windowed } from '../../windows/windowed.js';
import { StreamsError } from '../../errors/streams-error.js';
import { Change } from './change.js';

/** What the suppression needs to know, resolved by the DSL (Kafka's `SuppressedInternal`). */
export interface SuppressionSpec {
  /** How long after its buffer time a record is held (the window's grace for final results). */
  readonly suppressDurationMs: number;
  /** Buffer time: the record's timestamp, or its window's end (final results). */
  readonly timeDefinition: 'record-time' | 'window-end';
  readonly maxRecords: number;
  readonly maxBytes: number;
  /** When the buffer is over a limit: emit the oldest records early, or fail. */
  readonly bufferFullStrategy: 'emit' | 'shut-down';
  /** Final results drop tombstones (a window that never existed needs no delete). */
  readonly safeToDropTombstones: boolean;
}

/**
 * Holds back a table's updates, keeping the latest per key, and releases each once stream
 * time (the largest timestamp this operator saw) passes its buffer time plus the suppress
 * duration: `untilWindowCloses` emits exactly one final result per window, `untilTimeLimit`
 * rate-limits. Driven only by stream time. Emitted records keep their original timestamp
 * and headers.
 */
export class KTableSuppressProcessor implements Processor<unknown, Change<unknown>, unknown, Change<unknown>> {
  private context!: ProcessorContext<unknown, Change<unknown>>;
  private buffer!: TimeOrderedKeyValueBuffer<unknown, unknown>;
  private observedStreamTime = -1;
  private expiryTime = 0;

  constructor(
    private readonly nodeName: string,
    private readonly storeName: string,
    private readonly spec: SuppressionSpec,
  ) {}

  init(context: ProcessorContext<unknown, Change<unknown>>): void {
    this.context = context;
    this.buffer = context.getStateStore<TimeOrderedKeyValueBuffer<unknown, unknown>>(this.storeName);
  }

  process(record: Record<unknown, Change<unknown>>): void {
    if (record.timestamp > this.observedStreamTime) this.observedStreamTime = record.timestamp;
    const time = this.spec.timeDefinition === 'window-end' ? (record.key as Windowed<unknown>).window.end : record.timestamp;
    const m = this.context.recordMetadata();
    const recordContext: RecordContext = {
      timestamp: record.timestamp,
      headers: record.headers,
      topic: m?.topic ?? null,
      partition: m?.partition ?? -1,
      offset: m?.offset ?? -1n,
    };
    this.buffer.put(time, record.key, record.value.newValue, record.value.oldValue, recordContext);
    this.enforceConstraints();
  }

  private enforceConstraints(): void {
    this.expiryTime = this.observedStreamTime - this.spec.suppressDurationMs;
    this.buffer.evictWhile(this.expired, this.emit);
    if (!this.overCapacity()) return;
    if (this.spec.bufferFullStrategy === 'emit') {
      this.buffer.evictWhile(this.overCapacity, this.emit);
      return;
    }
    throw new StreamsError(
      `${this.nodeName} buffer exceeded its max capacity. Currently [${this.buffer.numRecords()}/${this.spec.maxRecords}] records ` +
        `and [${this.buffer.bufferSize()}/${this.spec.maxBytes}] bytes. Raise the limits, or use emitEarlyWhenFull().`,
    );
  }

  private readonly expired = (): boolean => this.buffer.minTimestamp() <= this.expiryTime;

  private readonly overCapacity = (): boolean => this.buffer.numRecords() > this.spec.maxRecords || this.buffer.bufferSize() > this.spec.maxBytes;

  private readonly emit = (e: BufferEviction<unknown, unknown>): void => {
    if (e.newValue === null && this.spec.safeToDropTombstones) return;
    this.context.forward(new Record(e.key, new Change(e.newValue, e.oldValue), e.recordContext.timestamp, e.recordContext.headers));
  };
}
