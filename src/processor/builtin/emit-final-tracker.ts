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
 * Kafka's `InternalProcessorContext` processor metadata: per-task values kept in the
 * offset-commit metadata of every input partition of the task, so they survive a restart or
 * a task move. The engine's contexts provide it.
 */
export interface ProcessorMetadataContext {
  processorMetadataForKey(key: string): bigint | null;
  addProcessorMetadataKeyValue(key: string, value: bigint): void;
}

function metadataOf(context: object): ProcessorMetadataContext | null {
  return 'processorMetadataForKey' in context ? (context as ProcessorMetadataContext) : null;
}

/**
 * When an emit-on-window-close aggregation looks for closed windows: at most once per emit
 * interval of wall-clock time, and only when the window close time moved past the last one
 * emitted. That last close time is processor metadata under the store's name (as in Kafka),
 * so a restarted or moved task does not emit windows again that were emitted before its
 * last commit.
 */
export class EmitFinalTracker {
  private nextTimeToEmit = 0;
  private readonly metadata: ProcessorMetadataContext | null;
  /** Without a metadata context (a bare context in a unit test): kept here. */
  private local = -1;

  constructor(
    private readonly intervalMs: number,
    context: object,
    private readonly storeName: string,
  ) {
    this.metadata = metadataOf(context);
  }

  /** Close time of the last emission, -1 before the first. */
  get lastEmitWindowCloseTime(): number {
    if (this.metadata === null) return this.local;
    const value = this.metadata.processorMetadataForKey(this.storeName);
    return value === null ? -1 : Number(value);
  }

  set lastEmitWindowCloseTime(closeTime: number) {
    if (this.metadata === null) this.local = closeTime;
    else this.metadata.addProcessorMetadataKeyValue(this.storeName, BigInt(closeTime));
  }

  /** Whether to look for closed windows now (advances the throttle when the interval passed). */
  due(now: number, windowCloseTime: number): boolean {
    if (now < this.nextTimeToEmit) return false;
    this.nextTimeToEmit = now + this.intervalMs;
    const last = this.lastEmitWindowCloseTime;
    return last === -1 || last < windowCloseTime;
  }
}
