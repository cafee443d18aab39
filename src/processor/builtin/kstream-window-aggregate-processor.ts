// Kafka: KStreamWindowAggregate (+ AbstractKStreamTimeWindowAggregateProcessor)
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { TimestampedWindowStore } from '../../state/window-store.js';
import type { TimeWindows } from '../../windows/time-windows.js';
import { TimeWindow } from '../../windows/window.js';
import { Windowed } from '../../windows/windowed.js';
import { Change } from './change.js';
import { debug, recordDropped, recordExpired } from './dropped-records.js';
import { EmitFinalTracker, emitIntervalMs } from './emit-final-tracker.js';
import { WindowedChangeForwarder } from './windowed-change-forwarder.js';

/**
 * Aggregates a grouped stream per key and time window (tumbling or hopping). A record at `t`
 * updates every window `[start, start + size)` containing `t` whose end is after the
 * operator's window close time (its observed stream time minus grace); for a closed window
 * the record is dropped and counted. Records with a null key are dropped; null values reach
 * the aggregator (Kafka's behaviour). Results are stamped max(record ts, window's last ts).
 * On window close (`EmitStrategy.onWindowClose()`) nothing is forwarded on update; closed
 * windows are read from the store and emitted once.
 */
export class KStreamWindowAggregateProcessor implements Processor<unknown, unknown, Windowed<unknown>, Change<unknown>> {
  private context!: ProcessorContext<Windowed<unknown>, Change<unknown>>;
  private store!: TimestampedWindowStore<unknown, unknown>;
  private forwarder!: WindowedChangeForwarder<unknown, unknown>;
  private tracker: EmitFinalTracker | null = null;
  private observedStreamTime = -1;

  constructor(
    private readonly storeName: string,
    private readonly windows: TimeWindows,
    private readonly initializer: () => unknown,
    private readonly aggregator: (key: any, value: any, aggregate: any) => unknown,
    private readonly emitOnClose: boolean,
    private readonly sendOldValues: boolean,
  ) {}

  init(context: ProcessorContext<Windowed<unknown>, Change<unknown>>): void {
    this.context = context;
    this.store = context.getStateStore<TimestampedWindowStore<unknown, unknown>>(this.storeName);
    this.forwarder = new WindowedChangeForwarder(this.store, context, this.sendOldValues, 'window', !this.emitOnClose);
    if (this.emitOnClose) this.tracker = new EmitFinalTracker(emitIntervalMs(context), context, this.storeName);
  }

  process(record: Record<unknown, unknown>): void {
    const key = record.key;
    if (key == null) {
      debug('Skipping record due to null key. processor=KStreamWindowAggregate');
      recordDropped(this.context);
      return;
    }
    const timestamp = record.timestamp;
    if (timestamp > this.observedStreamTime) this.observedStreamTime = timestamp;
    const closeTime = this.observedStreamTime - this.windows.graceMs;
    const { sizeMs, advanceMs } = this.windows;
    for (let start = this.windows.firstWindowStart(timestamp); start <= timestamp; start += advanceMs) {
      const end = start + sizeMs;
      if (end > closeTime) this.update(record, key, start, end);
      else recordExpired(this.context, timestamp, `[${start},${end})`, closeTime, this.observedStreamTime);
    }
    if (this.tracker !== null) this.maybeEmitFinal(record, closeTime);
  }

  private update(record: Record<unknown, unknown>, key: unknown, start: number, end: number): void {
    const old = this.store.fetch(key, start);
    let oldAgg = old === null ? null : old.value;
    let timestamp: number;
    if (oldAgg == null) {
      oldAgg = this.initializer();
      timestamp = record.timestamp;
    } else {
      timestamp = Math.max(record.timestamp, old!.timestamp);
    }
    const newAgg = this.aggregator(key, record.value, oldAgg) ?? null;
    this.store.put(key, newAgg === null ? null : { value: newAgg, timestamp }, start);
    if (this.tracker === null && !this.forwarder.cachingEnabled) {
      this.forwarder.maybeForward(new Windowed(key, new TimeWindow(start, end)), newAgg, oldAgg, timestamp, record.headers);
    }
  }

  private maybeEmitFinal(record: Record<unknown, unknown>, closeTime: number): void {
    const tracker = this.tracker!;
    if (!tracker.due(this.context.currentSystemTimeMs(), closeTime)) return;
    const size = this.windows.sizeMs;
    const upper = closeTime - size;
    if (upper < 0) return;
    const last = tracker.lastEmitWindowCloseTime;
    const lower = last === -1 ? 0 : Math.max(0, last - size) + 1;
    // Nothing new closed when the same windows contain both bounds (window ends are exclusive).
    if (last !== -1 && this.windows.firstWindowStart(upper) === this.windows.firstWindowStart(lower - 1)) return;
    for (const { key, value } of this.store.fetchAll(lower, upper)) {
      this.context.forward(record.withKey(key).withValue(new Change(value.value, null)).withTimestamp(value.timestamp));
    }
    tracker.lastEmitWindowCloseTime = closeTime;
  }
}
