// Kafka: the checks and retention of WindowStoreMaterializer / SlidingWindowStoreMaterializer / SessionStoreMaterializer
import { TopologyError } from '../../errors/topology-error.js';
import type { Serde } from '../../serdes/serde.js';
import type { WindowedStoreSpec } from '../../topology/graph/windowed-store-spec.js';
import type { EmitStrategy } from '../../windows/emit-strategy.js';
import { SessionWindows } from '../../windows/session-windows.js';
import { SlidingWindows } from '../../windows/sliding-windows.js';
import type { TimeWindows } from '../../windows/time-windows.js';
import { windowedChangelogDefaults } from '../../state/builders/windowed-changelog-config.js';
import type { MaterializedInternal } from './materialized-internal.js';

/** Windows a grouped stream (or cogroup) can be windowed by. */
export type AnyWindows = TimeWindows | SlidingWindows | SessionWindows;

/** The grace after which a window closes (sessions: gap + grace), as suppression needs it. */
export function windowCloseGrace(windows: AnyWindows): number {
  return windows instanceof SessionWindows ? windows.graceMs + windows.gapMs : windows.graceMs;
}

/** Window size in the store and in result keys: size, or the time difference of sliding windows. */
function windowSize(windows: AnyWindows): number {
  if (windows instanceof SessionWindows) return 0;
  return windows instanceof SlidingWindows ? windows.timeDifferenceMs : windows.sizeMs;
}

/** The least retention the windows need, and its default. */
function minimumRetention(windows: AnyWindows): { min: number; what: string } {
  if (windows instanceof SessionWindows) {
    return { min: windows.gapMs + windows.graceMs, what: `the session inactivity gap plus the grace period. Got gap=[${windows.gapMs}], grace=[${windows.graceMs}]` };
  }
  if (windows instanceof SlidingWindows) {
    return {
      min: 2 * windows.timeDifferenceMs + windows.graceMs,
      what: `2 * time difference plus the grace period. Got time difference=[${windows.timeDifferenceMs}], grace=[${windows.graceMs}]`,
    };
  }
  return { min: windows.sizeMs + windows.graceMs, what: `its window size plus the grace period. Got size=[${windows.sizeMs}], grace=[${windows.graceMs}]` };
}

/**
 * The store spec of a windowed aggregation: retention (given or the minimum the windows
 * need), windowed changelog configs, and Kafka's caching rule (sliding and session stores
 * emitting on window close are never cached).
 */
export function windowedStoreSpec(
  mi: MaterializedInternal,
  windows: AnyWindows,
  emitStrategy: EmitStrategy,
  serdes: { keySerde: Serde<any> | null; valueSerde: Serde<any> | null },
): WindowedStoreSpec {
  const name = mi.name!;
  const kind = windows instanceof SessionWindows ? 'session' : 'window';
  const supplier = mi.supplier;
  if (supplier !== null && (!('kind' in supplier) || supplier.kind !== kind)) {
    const needed = kind === 'session' ? 'Stores.persistentSessionStore / inMemorySessionStore' : 'Stores.persistentWindowStore / inMemoryWindowStore';
    throw new TopologyError([{ code: 'invalid-store-supplier', node: name, message: `Store "${name}" needs a ${kind} store supplier: use ${needed}.` }]);
  }
  const { min, what } = minimumRetention(windows);
  const retentionPeriod = mi.retention ?? min;
  if (min > retentionPeriod) {
    throw new TopologyError([
      {
        code: 'invalid-retention',
        node: name,
        message: `The retention period of the ${kind} store ${name} must be no smaller than ${what}, retention=[${retentionPeriod}]. Raise Materialized.withRetention.`,
      },
    ]);
  }
  const onClose = emitStrategy.type === 'ON_WINDOW_CLOSE';
  return Object.freeze({
    kind,
    name,
    generatedName: mi.generatedName,
    keySerde: mi.keySerde ?? serdes.keySerde,
    valueSerde: mi.valueSerde ?? serdes.valueSerde,
    cachingEnabled: mi.cachingEnabled && !(onClose && (windows instanceof SlidingWindows || windows instanceof SessionWindows)),
    loggingEnabled: mi.loggingEnabled,
    logConfig: mi.loggingEnabled ? Object.freeze({ ...windowedChangelogDefaults(retentionPeriod), ...mi.logConfig }) : Object.freeze({}),
    supplier,
    storeType: mi.storeType,
    retentionPeriod,
    windowSize: windowSize(windows),
    timeOrdered: onClose,
  });
}

export { windowedKeySerde } from '../../serdes/windowed-key-serde.js';
