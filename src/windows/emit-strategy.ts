// Kafka: EmitStrategy (WindowUpdateStrategy, WindowCloseStrategy)

/**
 * When a windowed aggregation emits: on every update of a window (the default, subject to
 * the record cache), or once per window when it closes (stream time past end + grace).
 *
 * @example grouped.windowedBy(TimeWindows.ofSizeWithNoGrace(60_000)).emitStrategy(EmitStrategy.onWindowClose()).count()
 */
export interface EmitStrategy {
  readonly type: 'ON_WINDOW_UPDATE' | 'ON_WINDOW_CLOSE';
}

const ON_WINDOW_UPDATE: EmitStrategy = Object.freeze({ type: 'ON_WINDOW_UPDATE' });
const ON_WINDOW_CLOSE: EmitStrategy = Object.freeze({ type: 'ON_WINDOW_CLOSE' });

export const EmitStrategy = Object.freeze({
  /** Emit each window's updates as they happen (the default). */
  onWindowUpdate(): EmitStrategy {
    return ON_WINDOW_UPDATE;
  },
  /**
   * Emit each window once, its final result, when it closes. Checked at most once per second
   * of wall-clock time (Kafka's `emit.interval.ms.kstreams.windowed.aggregation`), driven by
   * stream time: without new records nothing is emitted.
   */
  onWindowClose(): EmitStrategy {
    return ON_WINDOW_CLOSE;
  },
});
