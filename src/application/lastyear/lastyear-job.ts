// The LastYear job: fetch one (user, year) of scrobbles into the ledger, date them, keep the chart.
// Its kind, its singleton key, the channel its progress goes out on, and the progress it reports.
import type { JobEvent } from '../ports/progress-channel.port.js';

export const LASTYEAR_JOB = 'lastyear';

export interface LastYearJobPayload {
  /** As Last.fm spells it. */
  readonly user: string;
  readonly year: number;
}

/** One job per (user, year), however many visitors ask. */
export function lastyearKey(user: string, year: number): string {
  return `lastyear:${user.toLowerCase()}:${year}`;
}

export type YearPhase = 'pending' | 'fetching' | 'augmenting' | 'completed' | 'failed';

/** What a watcher sees of a running job (the `progress` of the JSON answer and of each event). */
export interface YearProgress {
  readonly phase: YearPhase;
  /** Last.fm pages fetched, of how many (null before the first). */
  readonly pages: number;
  readonly pagesTotal: number | null;
  /** Scrobbles fetched, of how many. */
  readonly listens: number;
  readonly listensTotal: number | null;
  /** Tracks asked about on MusicBrainz (dating), of how many. */
  readonly dated: number;
  readonly datingTotal: number | null;
}

export const NO_PROGRESS: YearProgress = {
  phase: 'pending',
  pages: 0,
  pagesTotal: null,
  listens: 0,
  listensTotal: null,
  dated: 0,
  datingTotal: null,
};

/** The progress a job's last event carries; NO_PROGRESS when that event is none, or its end. */
export function progressOf(latest: JobEvent | null): YearProgress {
  // Progress events are published by JobProgress from a YearProgress.
  return latest?.name === 'progress' ? (latest.data as unknown as YearProgress) : NO_PROGRESS;
}
