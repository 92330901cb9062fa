// One run of an import, with its range and per-page progress: the only record of import progress.
import type { RunOwner } from '../shared/run-owner.js';
import type { EpochMs } from '../values/time.js';

/** `interrupted`: its process ended without finishing it (killed, crashed), or a later run took it over. */
export type ImportStatus = 'running' | 'completed' | 'failed' | 'interrupted';

export interface ImportProgress {
  readonly pagesDone: number;
  readonly pagesTotal: number | null;
  readonly itemsNew: number;
  readonly itemsExisting: number;
  readonly itemsSkipped: number;
  /** Where to resume: the service's own cursor (e.g. the last page done, or the newest timestamp stored). */
  readonly cursor: string | null;
}

export interface ImportRun {
  readonly id: number;
  /** e.g. `history:lastfm`, `history:spotify_export`, `likes:spotify`. */
  readonly kind: string;
  readonly rangeFrom: EpochMs | null;
  readonly rangeTo: EpochMs | null;
  readonly status: ImportStatus;
  readonly progress: ImportProgress;
  readonly startedAt: EpochMs;
  readonly finishedAt: EpochMs | null;
  readonly error: string | null;
  /** The process that ran it; null for runs recorded before owners were (schema 4). */
  readonly owner: RunOwner | null;
}

export const EMPTY_PROGRESS: ImportProgress = Object.freeze({
  pagesDone: 0,
  pagesTotal: null,
  itemsNew: 0,
  itemsExisting: 0,
  itemsSkipped: 0,
  cursor: null,
});
