// Kafka: KStreamSlidingWindowAggregate
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { TimestampedWindowStore } from '../../state/window-store.js';
import type { ValueAndTimestamp } from '../../state/value-and-timestamp.js';
import type { SlidingWindows } from '../../windows/sliding-windows.js';
import { TimeWindow } from '../../windows/window.js';
import { Windowed } from '../../windows/windowed.js';
import { StreamsError } from '../../errors/streams-error.js';
import { Change } from './change.js';
import { debug, recordDropped, recordExpired } from './dropped-records.js';
import { EmitFinalTracker, emitIntervalMs } from './emit-final-tracker.js';
import { WindowedChangeForwarder } from './windowed-change-forwarder.js';

type Vt = ValueAndTimestamp<unknown>;

const make = (value: unknown, timestamp: number): Vt | null => (value == null ? null : { value, timestamp });

/**
 * Aggregates a grouped stream per key over sliding windows `[t - d, t]` (stored by start,
 * both ends inclusive). Each record updates the existing windows it falls into, creates its
 * own left window (seeded from the previous record's window) and, when later records exist,
 * its right window `[t + 1, t + 1 + d]`; it also creates the right window of the previous
 * record when it falls into it. Records before `d` share the window `[0, d]`. A record
 * whose window ends before the close time (observed stream time - grace) is dropped and
 * counted; so are records with a null key or value.
 */
export class KStreamSlidingWindowAggregateProcessor implements Processor<unknown, unknown, Windowed<unknown>, Change<unknown>> {
  private context!: ProcessorContext<Windowed<unknown>, Change<unknown>>;
  private store!: TimestampedWindowStore<unknown, unknown>;
  private forwarder!: WindowedChangeForwarder<unknown, unknown>;
  private tracker: EmitFinalTracker | null = null;
  private observedStreamTime = -1;
  private readonly diff: number;

  constructor(
    private readonly storeName: string,
    private readonly windows: SlidingWindows,
    private readonly initializer: () => unknown,
    private readonly aggregator: (key: any, value: any, aggregate: any) => unknown,
    private readonly emitOnClose: boolean,
    private readonly sendOldValues: boolean,
  ) {
    this.diff = windows.timeDifferenceMs;
  }

  init(context: ProcessorContext<Windowed<unknown>, Change<unknown>>): void {
    this.context = context;
    this.store = context.getStateStore<TimestampedWindowStore<unknown, unknown>>(this.storeName);
    this.forwarder = new WindowedChangeForwarder(this.store, context, this.sendOldValues, 'window', !this.emitOnClose);
    if (this.emitOnClose) this.tracker = new EmitFinalTracker(emitIntervalMs(context), context, this.storeName);
  }

  process(record: Record<unknown, unknown>): void {
    if (record.key == null || record.value == null) {
      debug('Skipping record due to null key or value. processor=KStreamSlidingWindowAggregate');
      recordDropped(this.context);
      return;
    }
    const ts = record.timestamp;
    if (ts > this.observedStreamTime) this.observedStreamTime = ts;
    const closeTime = this.observedStreamTime - this.windows.graceMs;
    if (ts + this.diff < closeTime) {
      recordExpired(this.context, ts, `[${ts},${ts + this.diff}]`, closeTime, this.observedStreamTime);
      return;
    }
    if (ts < this.diff) {
      this.processEarly(record, closeTime);
      return;
    }
    this.processReverse(record, closeTime);
    if (this.tracker !== null) this.maybeEmitFinal(record, closeTime);
  }

  /** Walks the key's windows from `ts + 1` down to `ts - 2d`, latest first. */
  private processReverse(record: Record<unknown, unknown>, closeTime: number): void {
    const ts = record.timestamp;
    const startTimes = new Set<number>();
    let leftWinAgg: Vt | null = null;
    let rightWinAgg: Vt | null = null;
    let leftWinAlreadyCreated = false;
    let rightWinAlreadyCreated = false;
    let previousRecordTimestamp: number | null = null;
    for (const { key: start, value } of this.store.backwardFetch(record.key, Math.max(0, ts - 2 * this.diff), ts + 1)) {
      startTimes.add(start);
      const end = start + this.diff;
      if (start === ts + 1) {
        rightWinAlreadyCreated = true;
      } else if (end > ts) {
        rightWinAgg ??= value;
        this.updateWindowAndForward(start, value, record, closeTime);
      } else if (end === ts) {
        leftWinAlreadyCreated = true;
        this.updateWindowAndForward(start, value, record, closeTime);
        if (value.timestamp < ts) previousRecordTimestamp = value.timestamp;
        else return;
      } else {
        leftWinAgg = value;
        previousRecordTimestamp = value.timestamp;
        break;
      }
    }
    this.createWindows(record, closeTime, startTimes, rightWinAgg, leftWinAgg, leftWinAlreadyCreated, rightWinAlreadyCreated, previousRecordTimestamp);
  }

  /**
   * A record before `d` would open a window with a negative start: it goes into `[0, d]`
   * instead, and its right window is created or updated as later records arrive.
   */
  private processEarly(record: Record<unknown, unknown>, closeTime: number): void {
    const ts = record.timestamp;
    let combined: Vt | null = null;
    let rightWinAgg: Vt | null = null;
    let rightWinAlreadyCreated = false;
    const startTimes = new Set<number>();
    let previousRecordTimestamp: number | null = null;
    for (const { key: start, value } of this.store.fetch(record.key, 0, ts + 1)) {
      startTimes.add(start);
      if (start === 0) {
        combined = value;
        if (value.timestamp < ts) previousRecordTimestamp = value.timestamp;
      } else if (start <= ts) {
        rightWinAgg = value;
        this.updateWindowAndForward(start, value, record, closeTime);
      } else if (start === ts + 1) {
        rightWinAlreadyCreated = true;
      } else {
        throw new StreamsError(`Unexpected window with start ${start} found when processing a sliding-window record at ${ts}.`);
      }
    }
    // With no right window found, the combined window holds only records after this one.
    if (rightWinAgg === null && combined !== null && combined.timestamp > ts) rightWinAgg = combined;
    if (!rightWinAlreadyCreated && rightWinAgg !== null && rightWinAgg.timestamp > ts) this.createCurrentRecordRightWindow(ts, rightWinAgg, record);
    if (previousRecordTimestamp !== null && !startTimes.has(previousRecordTimestamp + 1)) {
      this.updateWindowAndForward(previousRecordTimestamp + 1, make(this.initializer(), ts), record, closeTime);
    }
    this.updateWindowAndForward(0, combined ?? make(this.initializer(), ts), record, closeTime);
  }

  private createWindows(
    record: Record<unknown, unknown>,
    closeTime: number,
    startTimes: ReadonlySet<number>,
    rightWinAgg: Vt | null,
    leftWinAgg: Vt | null,
    leftWinAlreadyCreated: boolean,
    rightWinAlreadyCreated: boolean,
    previousRecordTimestamp: number | null,
  ): void {
    const ts = record.timestamp;
    if (previousRecordTimestamp !== null) {
      // The previous record's right window, when this record falls into it.
      const start = previousRecordTimestamp + 1;
      if (!startTimes.has(start) && start + this.diff >= ts) this.updateWindowAndForward(start, make(this.initializer(), ts), record, closeTime);
    }
    if (!leftWinAlreadyCreated) {
      const leftNotEmpty = previousRecordTimestamp !== null && ts - this.diff <= previousRecordTimestamp;
      const seed = leftNotEmpty ? make(leftWinAgg!.value, ts) : make(this.initializer(), ts);
      this.updateWindowAndForward(ts - this.diff, seed, record, closeTime);
    }
    if (!rightWinAlreadyCreated && rightWinAgg !== null && rightWinAgg.timestamp > ts) this.createCurrentRecordRightWindow(ts, rightWinAgg, record);
  }

  private createCurrentRecordRightWindow(ts: number, rightWinAgg: Vt, record: Record<unknown, unknown>): void {
    const start = ts + 1;
    this.store.put(record.key, rightWinAgg, start);
    this.maybeForward(record, start, rightWinAgg.value, null, rightWinAgg.timestamp);
  }

  private updateWindowAndForward(start: number, valueAndTime: Vt | null, record: Record<unknown, unknown>, closeTime: number): void {
    const end = start + this.diff;
    if (end < closeTime) {
      recordExpired(this.context, record.timestamp, `[${start},${end}]`, closeTime, this.observedStreamTime);
      return;
    }
    const oldAgg = valueAndTime === null ? null : valueAndTime.value;
    const newAgg = this.aggregator(record.key, record.value, oldAgg) ?? null;
    const timestamp = oldAgg == null ? record.timestamp : Math.max(record.timestamp, valueAndTime!.timestamp);
    this.store.put(record.key, make(newAgg, timestamp), start);
    this.maybeForward(record, start, newAgg, oldAgg, timestamp);
  }

  private maybeForward(record: Record<unknown, unknown>, start: number, newAgg: unknown, oldAgg: unknown, timestamp: number): void {
    if (this.tracker !== null || this.forwarder.cachingEnabled) return;
    this.forwarder.maybeForward(new Windowed(record.key, new TimeWindow(start, start + this.diff)), newAgg, oldAgg, timestamp, record.headers);
  }

  private maybeEmitFinal(record: Record<unknown, unknown>, closeTime: number): void {
    const tracker = this.tracker!;
    if (!tracker.due(this.context.currentSystemTimeMs(), closeTime)) return;
    // Sliding windows include their end: closed when end < close time.
    const upper = closeTime - this.diff - 1;
    if (upper < 0) return;
    const last = tracker.lastEmitWindowCloseTime;
    const lower = last === -1 ? 0 : Math.max(0, last - this.diff);
    for (const { key, value } of this.store.fetchAll(lower, upper)) {
      this.context.forward(record.withKey(key).withValue(new Change(value.value, null)).withTimestamp(value.timestamp));
    }
    tracker.lastEmitWindowCloseTime = closeTime;
  }
}
