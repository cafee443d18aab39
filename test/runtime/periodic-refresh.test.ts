import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeriodicRefresh } from '../../src/runtime/periodic-refresh.js';

describe('PeriodicRefresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs every interval, the next one only after the last settled', async () => {
    let release!: () => void;
    const runs: number[] = [];
    const refresh = new PeriodicRefresh(
      1000,
      () => {
        runs.push(Date.now());
        return new Promise<void>((r) => (release = r));
      },
      () => true,
    );
    refresh.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(1);
    expect(refresh.inFlight).not.toBeNull();
    await vi.advanceTimersByTimeAsync(5000); // still running: no second run
    expect(runs).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh.inFlight).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(2);
    refresh.stop();
    release();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(2);
  });

  it('asks what to do after a failure: go on, or stop', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const refresh = new PeriodicRefresh(
      100,
      () => Promise.reject(new Error(`failure ${++calls}`)),
      (error) => errors.push(error) < 2,
    );
    refresh.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors.map((e) => (e as Error).message)).toEqual(['failure 1', 'failure 2']);
  });
});
