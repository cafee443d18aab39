/**
 * Runs an async `refresh` every `intervalMs`, one at a time: the next run is scheduled when
 * the last one settled. A failure goes to `failed`, which returns whether to keep going.
 * `inFlight` lets others wait for a run in progress (it settles, never rejects).
 */
export class PeriodicRefresh {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly refresh: () => Promise<void>,
    private readonly failed: (error: unknown) => boolean,
  ) {}

  /** A run in progress, or null. */
  get inFlight(): Promise<void> | null {
    return this.running;
  }

  start(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const run = this.refresh();
      this.running = run.catch(() => undefined);
      void run.then(
        () => {
          this.running = null;
          this.start();
        },
        (error: unknown) => {
          this.running = null;
          if (this.failed(error)) this.start();
        },
      );
    }, this.intervalMs);
  }

  /** No more runs (one in progress finishes: await `inFlight`). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
