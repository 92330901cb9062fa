// A LastYear job's progress as the ProgressReporter the history import and the dating already speak:
// each page fetched and each batch dated goes out on the job's channel, in order. It is also the
// job's checkpoint: once the process is stopping, the next step reported throws, so the import's
// open group rolls back and the run keeps its last stored cursor (resumed by the next job).
import type { JobEvent, ProgressChannel } from '../ports/progress-channel.port.js';
import type { ProgressReporter, ProgressTask } from '../ports/progress.port.js';
import { SILENT_PROGRESS } from '../ports/progress.port.js';
import { NaradaError } from '../../domain/shared/errors.js';
import { NO_PROGRESS, type YearPhase, type YearProgress } from './lastyear-job.js';

export const JOB_STOPPED = 'LASTYEAR.STOPPED';

export class JobProgress {
  private current: YearProgress;
  private sending: Promise<void> = Promise.resolve();
  /** This run's own totals, added to what earlier runs of the job had done. */
  private readonly totals = { listens: 0, dating: 0 };

  /**
   * `before`: what earlier runs of the same job reported (an earlier slice, or an attempt a killed or
   * failed process left), which this run, resuming from the stored cursor, goes on from; the counts
   * then run on instead of starting again at every slice.
   */
  constructor(
    private readonly channel: ProgressChannel,
    private readonly name: string,
    private readonly signal: AbortSignal,
    private readonly before: YearProgress = NO_PROGRESS,
  ) {
    this.current = before;
  }

  get progress(): YearProgress {
    return this.current;
  }

  /** Throws once the process is stopping: the work stops here and stays resumable. */
  checkpoint(): void {
    if (this.signal.aborted) {
      throw new NaradaError(
        JOB_STOPPED,
        'The server stopped; the job goes on from its cursor next time',
        'failure',
        {
          retryable: true,
        },
      );
    }
  }

  enter(phase: YearPhase): void {
    this.update({ phase });
  }

  /** The last event: sent after every progress event before it. */
  async finish(event: JobEvent): Promise<void> {
    await this.sending;
    await this.channel.publish(this.name, event);
  }

  /** What the import (`fetching`) or the dating (`augmenting`) reports to. */
  reporter(phase: 'fetching' | 'augmenting'): ProgressReporter {
    const task = (): ProgressTask => ({
      advance: (by = 1, detail) => {
        this.checkpoint();
        const p = this.current;
        if (phase === 'fetching') {
          const of = detail === undefined ? null : /\bof (\d+)/.exec(detail);
          // A resumed import's "page k of n" counts the pages it has left.
          this.update({
            pages: p.pages + 1,
            pagesTotal: of ? this.before.pages + Number(of[1]) : p.pagesTotal,
            listens: p.listens + by,
          });
        } else this.update({ dated: p.dated + by });
      },
      setTotal: (total) => {
        if (phase === 'fetching') {
          this.totals.listens += total;
          this.update({ listensTotal: this.before.listens + this.totals.listens });
        } else {
          this.totals.dating += total;
          this.update({ datingTotal: this.before.dated + this.totals.dating });
        }
      },
      done: () => undefined,
      fail: () => undefined,
    });
    return {
      task: (_label, total) => {
        const t = task();
        if (total !== undefined) t.setTotal(total);
        return t;
      },
      workflow: SILENT_PROGRESS.workflow,
    };
  }

  private update(change: Partial<YearProgress>): void {
    this.current = { ...this.current, ...change };
    const event: JobEvent = { name: 'progress', data: { ...this.current } };
    // In order, and never failing the job: a watcher that misses one sees the next.
    this.sending = this.sending.then(() => this.channel.publish(this.name, event)).catch(() => undefined);
  }
}
