// The timer of `narada serve` and `narada worker` that queues due schedules: a tick at start, then one
// a minute, never two at once; a failed tick (the database away for a moment) is logged and the next
// one tries again. The timer does not keep the process alive.
import type { Logger } from '../../application/ports/logger.port.js';
import type { ScheduledRuns } from '../../application/schedules/scheduled-runs.js';

export const TICK_MS = 60_000;

export class ScheduleTicker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly runs: ScheduledRuns,
    private readonly logger: Logger,
    private readonly everyMs = TICK_MS,
  ) {}

  /** Works schedule jobs in this process and starts ticking. */
  async start(): Promise<void> {
    await this.runs.work();
    this.tick();
    this.timer = setInterval(() => this.tick(), this.everyMs);
    this.timer.unref();
  }

  /** Stops ticking and waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    this.running = this.running.then(async () => {
      try {
        await this.runs.tick();
      } catch (error) {
        this.logger.record('warn', 'due schedules not queued; trying again at the next tick', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
  }
}
