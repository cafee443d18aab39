// Kafka: KStreamKStreamJoin (KStreamKStreamJoinLeftSide / RightSide processors)
import type { Processor } from '../../../processor.js';
import type { ProcessorContext } from '../../../processor-context.js';
import type { Record } from '../../../record.js';
import type { KeyValueStore } from '../../../../state/key-value-store.js';
import type { WindowStore } from '../../../../state/window-store.js';
import { OuterJoinStore, type OuterJoinSerdes } from './outer-join-store.js';
import type { TimeTracker, TimeTrackers } from './time-tracker.js';

/** Kafka's internal `__emit.interval.ms.kstreams.outer.join.spurious.results.fix__` (1000 ms). */
const EMIT_INTERVAL_KEYS = ['emitIntervalMsKstreamsOuterJoinSpuriousResultsFix', '__emit.interval.ms.kstreams.outer.join.spurious.results.fix__'];

/** What one side's join processor needs to know. */
export interface StreamJoinSide {
  /** True for the left (this) stream's processor. */
  readonly left: boolean;
  /** Emit records without a partner (this side of a left join; both sides of an outer join). */
  readonly outer: boolean;
  readonly otherStoreName: string;
  /** The store of unmatched records (left and outer joins), else null. */
  readonly outerStoreName: string | null;
  /** This side's look-up range: the other side's records in `[t - before, t + after]`. */
  readonly beforeMs: number;
  readonly afterMs: number;
  /** The join's `JoinWindows` (before/after of the left side) and grace. */
  readonly windowBeforeMs: number;
  readonly windowAfterMs: number;
  readonly graceMs: number;
  /** Joins (this side's value, the other side's value, key); null for a missing partner. */
  readonly joiner: (value: any, otherValue: any, key: any) => unknown;
  readonly trackers: TimeTrackers;
  readonly serdes: OuterJoinSerdes;
}

/**
 * One side of a stream-stream join: joins each record with the other side's records of the
 * same key within the window (output at the later timestamp). In a left/outer join a record
 * without a partner is parked in the outer store and emitted with a null partner only once
 * its window closed (stream time past its window end plus grace), unless a partner shows
 * up first: that avoids spurious `(v, null)` results. A late record whose window already
 * closed is emitted at once. Null keys are dropped, except that left/outer joins emit them
 * at once; null values are dropped.
 */
export class KStreamKStreamJoinProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;
  private otherStore!: WindowStore<unknown, unknown>;
  private outerStore: OuterJoinStore | null = null;
  private tracker!: TimeTracker;

  constructor(private readonly side: StreamJoinSide) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
    const s = this.side;
    this.otherStore = context.getStateStore<WindowStore<unknown, unknown>>(s.otherStoreName);
    this.tracker = s.trackers.get(context.taskId);
    if (s.outerStoreName !== null) {
      this.outerStore = new OuterJoinStore(context.getStateStore<KeyValueStore<Buffer, Buffer>>(s.outerStoreName), s.serdes, s.outerStoreName);
      const configured = EMIT_INTERVAL_KEYS.map((k) => context.appConfigs[k]).find((v) => v !== undefined);
      const ms = typeof configured === 'string' ? Number(configured) : configured;
      if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) this.tracker.emitIntervalMs = ms;
    }
  }

  private join(value: unknown, otherValue: unknown, key: unknown): unknown {
    return this.side.joiner(value, otherValue, key) ?? null;
  }

  process(record: Record<unknown, unknown>): void {
    const s = this.side;
    const timestamp = record.timestamp;
    const tracker = this.tracker;
    tracker.advanceStreamTime(timestamp);
    if (s.outer && record.key == null && record.value != null) {
      this.context.forward(record.withValue(this.join(record.value, null, record.key)));
      return;
    }
    // Kafka logs "Skipping record due to null key or value" and counts it.
    if (record.key == null || record.value == null) return;
    if (timestamp === tracker.streamTime && this.outerStore !== null) this.emitClosedOuterRecords(record);
    const timeFrom = Math.max(0, timestamp - s.beforeMs);
    const timeTo = Math.max(0, timestamp + s.afterMs);
    const it = this.otherStore.fetch(record.key, timeFrom, timeTo);
    let matched = false;
    try {
      while (it.hasNext()) {
        const other = it.next();
        matched = true;
        // The partner was perhaps parked as unmatched: it is not any more.
        this.outerStore?.remove(record.key, other.key, !s.left);
        this.context.forward(record.withValue(this.join(record.value, other.value, record.key)).withTimestamp(Math.max(timestamp, other.key)));
      }
    } finally {
      it.close();
    }
    if (!s.outer || matched) return;
    if (this.outerStore === null || timeTo < tracker.streamTime) {
      // Its window has closed already (a late record): no partner can come any more.
      this.context.forward(record.withValue(this.join(record.value, null, record.key)));
    } else {
      tracker.updateMinTime(timestamp);
      this.outerStore.add({ key: record.key, timestamp, left: s.left, value: record.value });
    }
  }

  /**
   * Emits parked records whose window closed, earliest first, stopping once both sides reach
   * a record whose window is still open; at most once per emit interval (wall clock).
   */
  private emitClosedOuterRecords(record: Record<unknown, unknown>): void {
    const s = this.side;
    const tracker = this.tracker;
    if (tracker.minTime !== null && tracker.minTime + s.afterMs + s.graceMs >= tracker.streamTime) return;
    const now = this.context.currentSystemTimeMs();
    if (now < tracker.nextTimeToEmit) return;
    tracker.nextTimeToEmit = now + tracker.emitIntervalMs;
    tracker.minTime = null;
    const emitted: Buffer[] = [];
    let leftOpen = false;
    let rightOpen = false;
    // Record by record, as Java's list store iterates them: each sets the earliest time, and
    // the stop (both sides open) is tested before each, so where it stops decides that time.
    scan: for (const parked of this.outerStore!.keys()) {
      // A left record waits `after` for right partners; a right record `before` for left ones.
      const lookBack = parked.left ? s.windowAfterMs : s.windowBeforeMs;
      const open = parked.timestamp + lookBack + s.graceMs >= tracker.streamTime;
      const records = open ? null : parked.records();
      for (let i = 0; i < parked.count; i++) {
        tracker.minTime = parked.timestamp;
        if (leftOpen && rightOpen) break scan;
        if (open) {
          if (parked.left) leftOpen = true;
          else rightOpen = true;
          continue;
        }
        const r = records![i]!;
        const value = r.left === s.left ? this.join(r.value, null, r.key) : this.join(null, r.value, r.key);
        this.context.forward(record.withKey(r.key).withValue(value).withTimestamp(r.timestamp));
      }
      if (!open) emitted.push(parked.bytes);
    }
    for (const bytes of emitted) this.outerStore!.delete(bytes);
  }

  close(): void {
    this.side.trackers.remove(this.context.taskId);
  }
}
