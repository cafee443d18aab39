// Kafka: KStreamSessionWindowAggregate
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';
import type { KeyValue } from '../../state/key-value.js';
import type { SessionStore } from '../../state/session-store.js';
import type { SessionWindows } from '../../windows/session-windows.js';
import { SessionWindow } from '../../windows/window.js';
import { Windowed } from '../../windows/windowed.js';
import { Change } from './change.js';
import { debug, recordDropped, recordExpired } from './dropped-records.js';
import { EmitFinalTracker, emitIntervalMs } from './emit-final-tracker.js';
import { WindowedChangeForwarder } from './windowed-change-forwarder.js';

/**
 * Aggregates a grouped stream into sessions per key. A record at `t` opens `[t, t]` and is
 * merged with every session of its key within the inactivity gap (`findSessions(key, t - gap,
 * t + gap)`): their aggregates are combined with the merger, each replaced session is
 * removed and forwarded as a tombstone, then the merged session is written and forwarded,
 * stamped with its end. A record whose merged session ends before the close time (observed
 * stream time - grace - gap) is dropped and counted. Null keys are dropped.
 */
export class KStreamSessionWindowAggregateProcessor implements Processor<unknown, unknown, Windowed<unknown>, Change<unknown>> {
  private context!: ProcessorContext<Windowed<unknown>, Change<unknown>>;
  private store!: SessionStore<unknown, unknown>;
  private forwarder!: WindowedChangeForwarder<unknown, unknown>;
  private tracker: EmitFinalTracker | null = null;
  private observedStreamTime = -1;
  /** Sessions found for the current record (reused: one merge per record). */
  private readonly merged: KeyValue<Windowed<unknown>, unknown>[] = [];

  constructor(
    private readonly storeName: string,
    private readonly windows: SessionWindows,
    private readonly initializer: () => unknown,
    private readonly aggregator: (key: any, value: any, aggregate: any) => unknown,
    private readonly merger: (key: any, aggregate1: any, aggregate2: any) => unknown,
    private readonly emitOnClose: boolean,
    private readonly sendOldValues: boolean,
  ) {}

  init(context: ProcessorContext<Windowed<unknown>, Change<unknown>>): void {
    this.context = context;
    this.store = context.getStateStore<SessionStore<unknown, unknown>>(this.storeName);
    this.forwarder = new WindowedChangeForwarder(this.store, context, this.sendOldValues, 'session', !this.emitOnClose);
    if (this.emitOnClose) this.tracker = new EmitFinalTracker(emitIntervalMs(context), context, this.storeName);
  }

  process(record: Record<unknown, unknown>): void {
    const key = record.key;
    if (key == null) {
      debug('Skipping record due to null key. processor=KStreamSessionWindowAggregate');
      recordDropped(this.context);
      return;
    }
    const timestamp = record.timestamp;
    if (timestamp > this.observedStreamTime) this.observedStreamTime = timestamp;
    const gap = this.windows.gapMs;
    const closeTime = this.observedStreamTime - this.windows.graceMs - gap;
    const merged = this.merged;
    merged.length = 0;
    let start = timestamp;
    let end = timestamp;
    let agg = this.initializer();
    for (const session of this.store.findSessions(key, timestamp - gap, timestamp + gap)) {
      merged.push(session);
      agg = this.merger(key, agg, session.value);
      if (session.key.window.start < start) start = session.key.window.start;
      if (session.key.window.end > end) end = session.key.window.end;
    }
    if (end < closeTime) {
      recordExpired(this.context, timestamp, `[${start},${end}]`, closeTime, this.observedStreamTime);
    } else {
      if (start !== timestamp || end !== timestamp) {
        for (const session of merged) {
          this.store.remove(session.key);
          this.maybeForward(session.key, null, session.value, record);
        }
      }
      agg = this.aggregator(key, record.value, agg);
      const sessionKey = new Windowed(key, new SessionWindow(start, end));
      this.store.put(sessionKey, agg);
      this.maybeForward(sessionKey, agg, null, record);
    }
    merged.length = 0;
    if (this.tracker !== null) this.maybeEmitFinal(record, closeTime);
  }

  private maybeForward(key: Windowed<unknown>, newAgg: unknown, oldAgg: unknown, record: Record<unknown, unknown>): void {
    if (this.tracker !== null) return;
    this.forwarder.maybeForward(key, newAgg, oldAgg, key.window.end, record.headers);
  }

  private maybeEmitFinal(record: Record<unknown, unknown>, closeTime: number): void {
    const tracker = this.tracker!;
    if (!tracker.due(this.context.currentSystemTimeMs(), closeTime)) return;
    // Session bounds are inclusive: a session is closed when its end is before the close time.
    const upper = closeTime - 1;
    if (upper < 0) return;
    const lower = Math.max(0, tracker.lastEmitWindowCloseTime);
    if (upper < lower) return;
    for (const { key, value } of this.store.findSessions(lower, upper)) {
      this.context.forward(record.withKey(key).withValue(new Change(value, null)).withTimestamp(key.window.end));
    }
    tracker.lastEmitWindowCloseTime = closeTime;
  }
}
