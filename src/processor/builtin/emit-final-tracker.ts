// Kafka: the ON_WINDOW_CLOSE bookkeeping of AbstractKStreamTimeWindowAggregateProcessor / KStreamSessionWindowAggregate
import type { BaseProcessorContext } from '../processor-context.js';

/** Kafka's internal `__emit.interval.ms.kstreams.windowed.aggregation__` (1000 ms). */
const DEFAULT_EMIT_INTERVAL_MS = 1000;

/** The emit interval from the app config (camelCase or Kafka's internal name). */
export function emitIntervalMs(context: BaseProcessorContext): number {
  const configs = context.appConfigs;
  const value = configs.emitIntervalMsKstreamsWindowedAggregation ?? configs['__emit.interval.ms.kstreams.windowed.aggregation__'];
  const ms = typeof value === 'string' ? Number(value) : value;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : DEFAULT_EMIT_INTERVAL_MS;
}

/**
 * When an emit-on-window-close aggregation looks for closed windows: at most once per emit
 * interval of wall-clock time, and only when the window close time moved past the last one
 * emitted. The last close time lives in memory only (Kafka keeps it in the commit metadata),
 * so after a restart already-emitted windows that are still in the store are emitted again.
 */
export class EmitFinalTracker {
  private nextTimeToEmit = 0;
  /** Close time of the last emission, -1 before the first. */
  lastEmitWindowCloseTime = -1;

  constructor(private readonly intervalMs: number) {}

  /** Whether to look for closed windows now (advances the throttle when the interval passed). */
  due(now: number, windowCloseTime: number): boolean {
    if (now < this.nextTimeToEmit) return false;
    this.nextTimeToEmit = now + this.intervalMs;
    return this.lastEmitWindowCloseTime === -1 || this.lastEmitWindowCloseTime < windowCloseTime;
  }
}
