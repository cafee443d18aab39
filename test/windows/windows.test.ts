import { describe, expect, it } from 'vitest';
import { Duration } from 'luxon';
import { SessionWindows } from '../../src/windows/session-windows.js';
import { SlidingWindows } from '../../src/windows/sliding-windows.js';
import { TimeWindows } from '../../src/windows/time-windows.js';
import { SessionWindow, TimeWindow } from '../../src/windows/window.js';
import { Windowed } from '../../src/windows/windowed.js';

const starts = (w: TimeWindows, t: number): number[] => [...w.windowsFor(t).keys()];

describe('TimeWindows', () => {
  it('tumbling windows are aligned to the epoch: t=0 5 9 10 -> [0,10) [0,10) [0,10) [10,20)', () => {
    const w = TimeWindows.ofSizeWithNoGrace(10);
    expect(starts(w, 0)).toEqual([0]);
    expect(starts(w, 5)).toEqual([0]);
    expect(starts(w, 9)).toEqual([0]);
    expect(starts(w, 10)).toEqual([10]);
    expect(w.windowsFor(12).get(10)).toEqual(new TimeWindow(10, 20));
  });

  it('hopping windows: size 10 advance 5, t=12 -> [5,15) [10,20); t=3 -> [0,10) only (no negative starts)', () => {
    const w = TimeWindows.ofSizeWithNoGrace(10).advanceBy(5);
    expect(starts(w, 12)).toEqual([5, 10]);
    expect(starts(w, 15)).toEqual([10, 15]);
    expect(starts(w, 3)).toEqual([0]);
    expect(w.firstWindowStart(12)).toBe(5);
  });

  it('takes luxon Durations and validates', () => {
    const w = TimeWindows.ofSizeAndGrace(Duration.fromObject({ minutes: 1 }), Duration.fromObject({ seconds: 10 }));
    expect([w.sizeMs, w.advanceMs, w.graceMs]).toEqual([60_000, 60_000, 10_000]);
    expect(() => TimeWindows.ofSizeWithNoGrace(0)).toThrow(/larger than zero/);
    expect(() => TimeWindows.ofSizeWithNoGrace(10).advanceBy(11)).toThrow(/advancement interval/);
    expect(() => TimeWindows.ofSizeAndGrace(10, -1)).toThrow(/non-negative/);
    expect(() => TimeWindows.ofSizeWithNoGrace(1.5)).toThrow(/whole number/);
    expect(w.toString()).toBe('TimeWindows{, sizeMs=60000, advanceMs=60000, graceMs=10000}');
  });
});

describe('SlidingWindows and SessionWindows', () => {
  it('keep the time difference / gap and grace', () => {
    const s = SlidingWindows.ofTimeDifferenceAndGrace(10, 2);
    expect([s.timeDifferenceMs, s.gracePeriodMs()]).toEqual([10, 2]);
    expect(SlidingWindows.ofTimeDifferenceWithNoGrace(0).timeDifferenceMs).toBe(0);
    const g = SessionWindows.ofInactivityGapAndGrace(Duration.fromObject({ minutes: 5 }), 1000);
    expect([g.inactivityGap(), g.gracePeriodMs()]).toEqual([300_000, 1000]);
    expect(() => SessionWindows.ofInactivityGapWithNoGrace(0)).toThrow(/Gap/);
  });
});

describe('Window and Windowed', () => {
  it('time windows are half-open, session windows closed', () => {
    expect(new TimeWindow(0, 10).overlap(new TimeWindow(10, 20))).toBe(false);
    expect(new TimeWindow(0, 10).overlap(new TimeWindow(9, 19))).toBe(true);
    expect(new SessionWindow(0, 10).overlap(new SessionWindow(10, 10))).toBe(true);
    expect(() => new TimeWindow(5, 5)).toThrow(/empty/);
    expect(() => new SessionWindow(5, 4)).toThrow(/smaller/);
  });

  it("prints like Kafka's Windowed: [key@start/end]", () => {
    expect(new Windowed('a', new TimeWindow(0, 60_000)).toString()).toBe('[a@0/60000]');
    expect(new Windowed('a', new SessionWindow(3, 3)).equals(new Windowed('a', new SessionWindow(3, 3)))).toBe(true);
    expect(new Windowed('a', new SessionWindow(3, 3)).equals(new Windowed('a', new TimeWindow(3, 4)))).toBe(false);
  });
});
