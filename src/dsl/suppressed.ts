// Kafka: Suppressed, Suppressed.BufferConfig (StrictBufferConfigImpl, EagerBufferConfigImpl)
import type { Windowed } from '../windows/windowed.js';
import { durationMs, type DurationLike } from '../windows/duration-ms.js';
import { validateName } from './named.js';

type LogConfig = Readonly<{ [key: string]: string }>;

/** Shared part of the buffer configs: limits and the changelog. */
abstract class BufferConfigBase<Self> {
  constructor(
    /** Most keys the buffer holds (Infinity = no limit). */
    readonly maxRecords: number,
    /** Most bytes the buffer holds (Infinity = no limit). */
    readonly maxBytes: number,
    /** Changelog topic configs, or null when the buffer has no changelog. */
    readonly logConfig: LogConfig | null,
  ) {
    if (!(maxRecords >= 0) || !(maxBytes >= 0)) throw new RangeError('Suppression buffer limits must be non-negative.');
  }

  /** Limits the number of buffered keys. */
  withMaxRecords(recordLimit: number): Self {
    return this.copy(recordLimit, this.maxBytes, this.logConfig);
  }

  /** Limits the buffered bytes (keys, values and record metadata). */
  withMaxBytes(byteLimit: number): Self {
    return this.copy(this.maxRecords, byteLimit, this.logConfig);
  }

  /** No changelog: buffered records are lost when the task moves or fails. */
  withLoggingDisabled(): Self {
    return this.copy(this.maxRecords, this.maxBytes, null);
  }

  /** A changelog (the default) with these topic configs. */
  withLoggingEnabled(config: LogConfig = {}): Self {
    return this.copy(this.maxRecords, this.maxBytes, Object.freeze({ ...config }));
  }

  /** No size limits; only time bounds the buffer (strict: never emits early). */
  withNoBound(): StrictBufferConfig {
    return new StrictBufferConfig(Infinity, Infinity, this.logConfig);
  }

  /** Fail the application when a limit is exceeded (strict: never emits early). */
  shutDownWhenFull(): StrictBufferConfig {
    return new StrictBufferConfig(this.maxRecords, this.maxBytes, this.logConfig);
  }

  /** Emit the oldest records early when a limit is exceeded (fewer, not only final, results). */
  emitEarlyWhenFull(): EagerBufferConfig {
    return new EagerBufferConfig(this.maxRecords, this.maxBytes, this.logConfig);
  }

  protected abstract copy(maxRecords: number, maxBytes: number, logConfig: LogConfig | null): Self;
}

/** A buffer that enforces its time bound: it fails rather than emit early when full. */
export class StrictBufferConfig extends BufferConfigBase<StrictBufferConfig> {
  readonly bufferFullStrategy = 'shut-down' as const;

  protected copy(maxRecords: number, maxBytes: number, logConfig: LogConfig | null): StrictBufferConfig {
    return new StrictBufferConfig(maxRecords, maxBytes, logConfig);
  }
}

/** A buffer that emits its oldest records early when full (reduces duplicates, no guarantee). */
export class EagerBufferConfig extends BufferConfigBase<EagerBufferConfig> {
  readonly bufferFullStrategy = 'emit' as const;

  protected copy(maxRecords: number, maxBytes: number, logConfig: LogConfig | null): EagerBufferConfig {
    return new EagerBufferConfig(maxRecords, maxBytes, logConfig);
  }
}

/** Buffer configs for `Suppressed` (Kafka's `Suppressed.BufferConfig` factories). */
export const BufferConfig = Object.freeze({
  /** Unlimited size, bounded only by time (strict). */
  unbounded(): StrictBufferConfig {
    return new StrictBufferConfig(Infinity, Infinity, Object.freeze({}));
  },
  /** At most `recordLimit` keys, emitting early when full (call `shutDownWhenFull()` for strict). */
  maxRecords(recordLimit: number): EagerBufferConfig {
    return new EagerBufferConfig(recordLimit, Infinity, Object.freeze({}));
  },
  /** At most `byteLimit` bytes, emitting early when full (call `shutDownWhenFull()` for strict). */
  maxBytes(byteLimit: number): EagerBufferConfig {
    return new EagerBufferConfig(Infinity, byteLimit, Object.freeze({}));
  },
});

/** What the suppression waits for. */
export type SuppressionKind =
  | { readonly type: 'until-window-closes'; readonly bufferConfig: StrictBufferConfig }
  | { readonly type: 'until-time-limit'; readonly timeToWaitMs: number; readonly bufferConfig: StrictBufferConfig | EagerBufferConfig };

/**
 * How `KTable.suppress` holds back updates. Stateful: a buffer store (`<name>-store` or
 * `KTABLE-SUPPRESS-STATE-STORE-<n>`) with a changelog. Driven by stream time only.
 *
 * @example counts.suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())) // one final result per window
 * @example table.suppress(Suppressed.untilTimeLimit(Duration.fromObject({ seconds: 30 }), BufferConfig.maxRecords(1000)))
 */
export class Suppressed<K> {
  private declare readonly keyType: K;

  private constructor(
    /** The processor name (and `<name>-store` for the buffer); null = generated. */
    readonly name: string | null,
    readonly kind: SuppressionKind,
  ) {}

  /**
   * Emit only the final result of each window, once stream time passes its end plus grace.
   * Needs a windowed table and a strict buffer.
   */
  static untilWindowCloses(bufferConfig: StrictBufferConfig): Suppressed<Windowed<any>> {
    return new Suppressed(null, { type: 'until-window-closes', bufferConfig });
  }

  /**
   * Emit each key's latest update once stream time is `timeToWaitForMoreEvents` past the
   * record that first buffered it (a newer update replaces it without restarting the timer).
   */
  static untilTimeLimit<K>(timeToWaitForMoreEvents: DurationLike, bufferConfig: StrictBufferConfig | EagerBufferConfig): Suppressed<K> {
    return new Suppressed<K>(null, { type: 'until-time-limit', timeToWaitMs: durationMs(timeToWaitForMoreEvents, 'timeToWaitForMoreEvents'), bufferConfig });
  }

  /** Names the suppression node; its buffer store becomes `<name>-store`. */
  withName(name: string): Suppressed<K> {
    validateName(name, 'Suppression name');
    return new Suppressed<K>(name, this.kind);
  }
}
