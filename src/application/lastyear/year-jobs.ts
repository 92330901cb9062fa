// Where a (user, year) stands, for the page, its JSON and its event stream: a kept report answers at
// once; otherwise the year's job is created or joined (one per key), and its state and last progress
// say how far it is. A failed job is shown as failed for a moment, then a new visit tries again.
import type { Clock } from '../ports/clock.port.js';
import type { JobQueue, JobState } from '../ports/job-queue.port.js';
import type { JobEvent, ProgressChannel } from '../ports/progress-channel.port.js';
import type { LastYearCaches } from './lastyear-caches.js';
import {
  LASTYEAR_JOB,
  lastyearKey,
  NO_PROGRESS,
  progressOf,
  type LastYearJobPayload,
  type YearPhase,
  type YearProgress,
} from './lastyear-job.js';
import type { YearBucket, YearReport } from './year-report.js';

/** How long a failed job is shown before a visit starts it again. */
export const RETRY_FAILED_AFTER_MS = 10_000;

export interface YearView {
  readonly status: YearPhase;
  readonly user: string;
  readonly year: number;
  readonly total: number;
  readonly unknown: number;
  readonly distribution: readonly YearBucket[];
  readonly progress: YearProgress;
  /** Why the job failed; null otherwise. */
  readonly reason: string | null;
  /** The kept report once completed. */
  readonly report: YearReport | null;
}

export interface YearJobsDeps {
  readonly jobs: JobQueue;
  readonly channel: ProgressChannel;
  readonly caches: LastYearCaches;
  readonly clock: Clock;
}

export class YearJobs {
  constructor(private readonly deps: YearJobsDeps) {}

  /** The kept report, or the job of (user, year), created or joined. `user` as Last.fm spells it. */
  async ensure(user: string, year: number): Promise<YearView> {
    const { jobs, caches, clock } = this.deps;
    const now = clock.now();
    const report = await caches.report(user, year, now);
    if (report !== null) return completedView(report);
    const key = lastyearKey(user, year);
    let state = await jobs.state(key);
    const retry = state?.status === 'failed' && now - (state.finishedAt ?? 0) >= RETRY_FAILED_AFTER_MS;
    if (state === null || state.status === 'completed' || retry) {
      const before = state?.id ?? null;
      state = await jobs.enqueue<LastYearJobPayload>({
        kind: LASTYEAR_JOB,
        singletonKey: key,
        payload: { user, year },
      });
      // A new job starts from nothing: the last event of an earlier job of the key is not its own.
      if (state.id !== before && state.status === 'pending')
        await this.deps.channel.publish(key, { name: 'progress', data: { ...NO_PROGRESS } });
    }
    return this.viewOf(user, year, state, await this.deps.channel.latest(key));
  }

  private viewOf(user: string, year: number, state: JobState, latest: JobEvent | null): YearView {
    const progress = progressOf(latest);
    // A queue in the database records a job's end after its handler returns (and may queue a retry),
    // so the job's own `failed` event is the last word until a run of it reports progress again: the
    // page and its JSON follow the event, as the stream does.
    const failed = state.status === 'failed' || latest?.name === 'failed';
    const status: YearPhase = failed
      ? 'failed'
      : state.status === 'pending'
        ? 'pending'
        : progress.phase === 'augmenting'
          ? 'augmenting'
          : 'fetching';
    return {
      status,
      user,
      year,
      total: 0,
      unknown: 0,
      distribution: [],
      progress: { ...progress, phase: status },
      // The job's own `failed` event says why in words for the page; the queue's error is the fallback.
      reason: !failed ? null : latest?.name === 'failed' ? String(latest.data.reason) : state.error,
      report: null,
    };
  }
}

export function completedView(report: YearReport): YearView {
  return {
    status: 'completed',
    user: report.user,
    year: report.year,
    total: report.total,
    unknown: report.unknown,
    distribution: report.distribution,
    progress: { ...NO_PROGRESS, phase: 'completed' },
    reason: null,
    report,
  };
}
