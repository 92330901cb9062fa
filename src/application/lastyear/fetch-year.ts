// The work of a LastYear job: the year's scrobbles into the ledger (the Last.fm history import, by
// year, resumable from its cursor), then their release years (MusicBrainz dating of what is not dated
// yet), then the report kept for every later visitor. Progress goes out on the job's channel, ending
// with `completed` or `failed` (with the reason).
import type { Clock } from '../ports/clock.port.js';
import { isNaradaError, NaradaError } from '../../domain/shared/errors.js';
import type { JobContext } from '../ports/job-queue.port.js';
import type { ProgressChannel } from '../ports/progress-channel.port.js';
import type { ProgressReporter } from '../ports/progress.port.js';
import { JobProgress } from './job-progress.js';
import type { LastYearCaches } from './lastyear-caches.js';
import { lastyearKey, progressOf, type LastYearJobPayload } from './lastyear-job.js';
import type { YearReport } from './year-report.js';

/** The steps, as the composition root builds them from the history import and the era statistics. */
export interface LastYearSteps {
  importYear(request: LastYearJobPayload, progress: ProgressReporter): Promise<void>;
  /** The year's distribution; `stoppedBecause` when MusicBrainz could not date everything it was asked. */
  dateYear(
    request: LastYearJobPayload,
    progress: ProgressReporter,
  ): Promise<{ readonly report: Omit<YearReport, 'madeAt'>; readonly stoppedBecause: string | null }>;
}

export interface FetchYearDeps {
  readonly steps: LastYearSteps;
  readonly caches: LastYearCaches;
  readonly channel: ProgressChannel;
  readonly clock: Clock;
}

export class FetchYear {
  constructor(private readonly deps: FetchYearDeps) {}

  async run(request: LastYearJobPayload, context: JobContext): Promise<void> {
    const { steps, caches, channel, clock } = this.deps;
    const key = lastyearKey(request.user, request.year);
    // A new job's first event is NO_PROGRESS (sent when it is queued); a later slice or a retry of
    // the job finds its own last progress and goes on counting from there.
    const before = progressOf(await channel.latest(key));
    const progress = new JobProgress(channel, key, context.signal, before);
    const madeAt = clock.now();
    try {
      progress.enter('fetching');
      await steps.importYear(request, progress.reporter('fetching'));
      progress.checkpoint();
      progress.enter('augmenting');
      const { report, stoppedBecause } = await steps.dateYear(request, progress.reporter('augmenting'));
      if (stoppedBecause !== null) {
        throw new NaradaError(
          'LASTYEAR.DATING_STOPPED',
          `MusicBrainz could not date every track (${stoppedBecause}); what was fetched and dated is kept, so trying again goes on from there`,
          'failure',
          { retryable: true },
        );
      }
      const kept: YearReport = { ...report, madeAt };
      await caches.keepReport(kept);
      await progress.finish({
        name: 'completed',
        data: {
          status: 'completed',
          user: kept.user,
          year: kept.year,
          total: kept.total,
          unknown: kept.unknown,
        },
      });
    } catch (error) {
      // A stop leaves the job to be resumed: its watchers are told by the server going away, not `failed`.
      if (!context.signal.aborted) {
        // A NaradaError says what happened and what to do; anything else is a bug, told only to the log.
        const reason = isNaradaError(error) ? error.message : 'something went wrong on the server';
        await progress.finish({ name: 'failed', data: { status: 'failed', reason } });
      }
      throw error;
    }
  }
}
